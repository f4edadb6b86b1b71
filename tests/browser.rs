//! The web page in a real browser (headless Chromium through its WebDriver, chromedriver):
//! over the shipped corpus, search "North Korea troops", check the highlight and the facets,
//! click the person Zelenskyy and check that the hits narrow, open his entity page, go back.
//! Screenshots of each step are saved under `target/screenshots/`. Without Chromium and
//! chromedriver the test skips, saying why; under CI (`CI` set) it fails instead.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use common::*;
use serde_json::{json, Value};

/// The key of an element reference in WebDriver's answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

/// A chromedriver process and one browser session, both ended when dropped.
struct Browser {
    driver: Child,
    base: String,
    session: String,
}

impl Browser {
    fn start(chromium: &Path, chromedriver: &Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while ureq::get(&format!("{base}/status")).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::TempDir::new().unwrap().keep();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,1000",
        ]
        .iter()
        .map(|a| a.to_string())
        .chain([format!("--user-data-dir={}", profile.display())])
        .collect::<Vec<_>>();
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args}}}});
        let mut browser = Browser {
            driver,
            base,
            session: String::new(),
        };
        let answer = browser.post("/session", caps);
        browser.session = answer["sessionId"].as_str().unwrap().to_string();
        browser
    }

    fn post(&self, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.base);
        match ureq::post(&url).send_json(body) {
            Ok(r) => r.into_json::<Value>().unwrap()["value"].clone(),
            Err(ureq::Error::Status(code, r)) => {
                panic!("POST {path}: {code} {}", r.into_string().unwrap())
            }
            Err(e) => panic!("POST {path}: {e}"),
        }
    }

    fn get(&self, path: &str) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        ureq::get(&url)
            .call()
            .unwrap()
            .into_json::<Value>()
            .unwrap()["value"]
            .clone()
    }

    fn session(&self, path: &str, body: Value) -> Value {
        self.post(&format!("/session/{}{path}", self.session), body)
    }

    fn open(&self, url: &str) {
        self.session("/url", json!({ "url": url }));
    }

    fn all(&self, css: &str) -> Vec<String> {
        let found = self.session("/elements", json!({"using": "css selector", "value": css}));
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e[ELEMENT].as_str().unwrap().to_string())
            .collect()
    }

    fn one(&self, css: &str) -> String {
        self.all(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no element {css} on {}", self.url()))
    }

    fn text(&self, element: &str) -> String {
        self.get(&format!("/element/{element}/text"))
            .as_str()
            .unwrap()
            .to_string()
    }

    fn texts(&self, css: &str) -> Vec<String> {
        self.all(css).iter().map(|e| self.text(e)).collect()
    }

    fn click(&self, element: &str) {
        self.session(&format!("/element/{element}/click"), json!({}));
    }

    fn url(&self) -> String {
        self.get("/url").as_str().unwrap().to_string()
    }

    /// Waits (up to 10 s) until the page's URL holds `part`: a click or a form's submission
    /// can return before the page it leads to is loaded. Returns the URL.
    fn wait_for_url(&self, part: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let url = self.url();
            if url.contains(part) || started.elapsed() > std::time::Duration::from_secs(10) {
                return url;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.get("/screenshot");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[test]
fn search_narrow_by_a_facet_and_open_an_entity_in_a_browser() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        let why =
            "Chromium and chromedriver are not installed (apt install chromium chromium-driver)";
        assert!(std::env::var_os("CI").is_none(), "{why}, and CI is set");
        eprintln!("skipping the browser test: {why}");
        return;
    };
    let tmp = tempfile::TempDir::new().unwrap();
    let idx = tmp.path().join("idx");
    let (r, _) = index(&shipped_corpus(), &idx, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let served = serve(&idx);
    let b = Browser::start(&chromium, &driver);

    // Search as a user would: type in the box and press the button.
    b.open(&format!("{}/", served.base));
    let input = b.one("input[name=q]");
    b.session(
        &format!("/element/{input}/value"),
        json!({"text": "North Korea troops"}),
    );
    b.click(&b.one("form.search button"));
    let url = b.wait_for_url("q=North+Korea+troops");
    assert!(url.contains("q=North+Korea+troops"), "{url}");
    let marked = b.texts("section.hits mark");
    for word in ["North", "Korea", "troops"] {
        assert!(
            marked.iter().any(|m| m == word),
            "{word} is not highlighted: {marked:?}"
        );
    }
    let people = b.texts("aside.facets a[href*='person=']");
    assert!(
        people.iter().any(|p| p == "Volodymyr Zelenskyy"),
        "{people:?}"
    );
    b.screenshot("1-search");
    let before = b.all("div.passage").len();

    // A click on the facet narrows the hits, and shows the filter as a chip.
    b.click(&b.one("aside.facets a[href*='person=Volodymyr+Zelenskyy']"));
    let url = b.wait_for_url("person=Volodymyr+Zelenskyy");
    assert!(url.contains("person=Volodymyr+Zelenskyy"), "{url}");
    let after = b.all("div.passage").len();
    assert!(
        after >= 1 && after < before,
        "{before} passages, then {after}"
    );
    assert!(b
        .texts(".chip")
        .iter()
        .any(|c| c.contains("Volodymyr Zelenskyy")));
    // With a text query the filter keeps the articles that name him: here, the seed.
    assert_eq!(b.texts("h2.article"), vec!["North Korea troops to Russia"]);
    b.screenshot("2-narrowed");

    // His entity page, from the link in a passage.
    b.click(&b.one("div.passage a.person[href*='Zelenskyy']"));
    let url = b.wait_for_url("/entity?");
    assert!(url.contains("/entity?"), "{url}");
    assert!(b.text(&b.one("h1")).starts_with("Volodymyr Zelenskyy"));
    assert!(!b.all("div.passage").is_empty());
    b.screenshot("3-entity");

    // The back button returns to the narrowed search: the URL is the state.
    b.session("/back", json!({}));
    let url = b.wait_for_url("/?");
    assert!(url.contains("person=Volodymyr+Zelenskyy"), "{url}");
    assert_eq!(b.all("div.passage").len(), after);
}
