# The two commands of README.md. Both install what they need on a fresh machine first.
.PHONY: run test bootstrap

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

bootstrap:
	bash scripts/bootstrap.sh
