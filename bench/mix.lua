-- wrk script for bench/load.sh: each thread rotates over a mix of pages, starting at a different
-- one, so every path is requested about equally. The paths come after `--` on wrk's command line
-- (load.sh passes the real guide, first question and stylesheet); without them, the list below.
local paths = {
  "/en/", "/az/", "/ru/", "/en/procedures/temporary-residence", "/en/procedures",
  "/en/check/stay", "/en/check/stay/citizenship", "/en/status", "/en/news",
}
local count = 0

-- The `done` hook (one RESULT line) is shared with bench/pages.sh; it sits beside this file.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")

local next_id = 0
setup = function(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

init = function(args)
  if #args > 0 then paths = args end
  count = (id or 0) * 3
end

request = function()
  count = count + 1
  return wrk.format(nil, paths[count % #paths + 1])
end
