//! The HTML shell and the route table.
use crate::components::layout::Layout;
use crate::i18n::*;
use crate::pages::{
    article::{NewsArticlePage, SectionPage, SitePage},
    check::{
        answers::AnswersPage, index::CheckIndexPage, offline::OfflineCheckerPage,
        question::QuestionPage, result::ResultPage, shared::FlowRoot, start::FlowStartPage,
    },
    contact::ContactPage,
    feedback::FeedbackPage,
    fees::FeesPage,
    glossary::GlossaryPage,
    guide::GuidePage,
    home::HomePage,
    journey::JourneyPage,
    journeys::JourneysPage,
    news::NewsPage,
    not_found::NotFound,
    offices::OfficesPage,
    offline::OfflinePage,
    procedures::ProceduresPage,
    processing_times::ProcessingTimesPage,
    saved::SavedPage,
    search::SearchPage,
    statistics::StatisticsPage,
    status::StatusPage,
    updates::UpdatesPage,
};
use crate::sections::Section;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{Outlet, ParentRoute, Route, Router, Routes},
    hooks::use_params_map,
    ParamSegment, SsrMode, StaticSegment,
};

/// The document around the app. `<html lang dir>` is set by `DocumentLanguage`.
/// The page runs no inline script: nav.js (client-side navigation, islands) is a file of the
/// site, so the policy is the same for every page and a rendered page can be stored as bytes.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use crate::server::config::asset_path;
    use crate::server::nav_script;
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0a3e6e"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // In the shell, not the app: only the server knows the hashed file names.
                <link id="leptos" rel="stylesheet" href=asset_path(&options, "css")/>
                <script
                    type="module"
                    src=nav_script::PATH
                    data-js=asset_path(&options, "js")
                    data-wasm=asset_path(&options, "wasm")
                ></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // lang and dir come from content/locales.toml (`zh-Hans`, not leptos_i18n's `zh`).
        <I18nContextProvider set_lang_attr_on_html=false set_dir_attr_on_html=false>
            <Router>
                <Layout>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <ParentRoute path=ParamSegment("lang") view=LocaleRoot>
                            <Route path=StaticSegment("/") view=HomePage/>
                            // Content pages wait for their data on the server (SsrMode::Async), so the
                            // HTML is complete without JavaScript and for crawlers.
                            <Route path=StaticSegment("procedures") view=ProceduresPage ssr=SsrMode::Async/>
                            <Route path=(StaticSegment("procedures"), ParamSegment("slug")) view=GuidePage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("journeys") view=JourneysPage ssr=SsrMode::Async/>
                            <Route path=(StaticSegment("journeys"), ParamSegment("slug")) view=JourneyPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("fees") view=FeesPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("processing-times") view=ProcessingTimesPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("offices") view=OfficesPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("updates") view=UpdatesPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("glossary") view=GlossaryPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("saved") view=SavedPage/>
                            <Route path=StaticSegment("offline") view=OfflinePage/>
                            <Route path=StaticSegment("feedback") view=FeedbackPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("privacy") view=|| view! { <SitePage slug="privacy"/> } ssr=SsrMode::Async/>
                            <Route path=StaticSegment("accessibility") view=|| view! { <SitePage slug="accessibility"/> } ssr=SsrMode::Async/>
                            <Route path=StaticSegment("cookies") view=|| view! { <SitePage slug="cookies"/> } ssr=SsrMode::Async/>
                            <Route path=StaticSegment(Section::Check.slug()) view=CheckIndexPage ssr=SsrMode::Async/>
                            // One flow's pages share its data, loaded once by FlowRoot.
                            <ParentRoute path=(StaticSegment(Section::Check.slug()), ParamSegment("flow")) view=FlowRoot ssr=SsrMode::Async>
                                <Route path=StaticSegment("") view=FlowStartPage ssr=SsrMode::Async/>
                                <Route path=StaticSegment("answers") view=AnswersPage ssr=SsrMode::Async/>
                                <Route path=StaticSegment("result") view=ResultPage ssr=SsrMode::Async/>
                                <Route path=StaticSegment("offline") view=OfflineCheckerPage ssr=SsrMode::Async/>
                                <Route path=ParamSegment("question") view=QuestionPage ssr=SsrMode::Async/>
                            </ParentRoute>
                            <Route path=StaticSegment(Section::Status.slug()) view=StatusPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("visit") view=|| view! { <SectionPage section=Section::Visit/> } ssr=SsrMode::Async/>
                            <Route path=StaticSegment("invest") view=|| view! { <SectionPage section=Section::Invest/> } ssr=SsrMode::Async/>
                            <Route path=StaticSegment("news") view=NewsPage ssr=SsrMode::Async/>
                            <Route path=(StaticSegment("news"), StaticSegment("statistics")) view=StatisticsPage ssr=SsrMode::Async/>
                            <Route path=(StaticSegment("news"), ParamSegment("slug")) view=NewsArticlePage ssr=SsrMode::Async/>
                            <Route path=StaticSegment("search") view=SearchPage ssr=SsrMode::Async/>
                            <Route path=StaticSegment(Section::Contact.slug()) view=ContactPage/>
                        </ParentRoute>
                    </Routes>
                </Layout>
            </Router>
            // After the pages: the layout may have switched the locale to the URL's.
            <DocumentLanguage/>
        </I18nContextProvider>
    }
}

#[component]
fn DocumentLanguage() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let code = move || i18n.get_locale().as_str();
    view! {
        <leptos_meta::Html
            attr:lang=move || crate::locale::tag(code())
            attr:dir=move || crate::locale::direction(code())
        />
    }
}

/// `/:lang/…`: pages render only under a locale we publish; `/xx/…` is a 404.
#[component]
fn LocaleRoot() -> impl IntoView {
    let params = use_params_map();
    let known = move || {
        params
            .read()
            .get("lang")
            .is_some_and(|l| crate::locale::LOCALES.contains(&l.as_str()))
    };
    view! {
        <Show when=known fallback=|| view! { <NotFound/> }>
            <Outlet/>
        </Show>
    }
}
