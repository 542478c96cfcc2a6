//! The member's loader in `index.html`: trunk writes one for the binary with every page
//! (`ontap-web`); this replaces it with one that loads the home page's own, smaller binary
//! (`ontap-home`) for the home page, and `ontap-web` for a link to any other page (the page's
//! first script marks those with the class `deep` before the first paint).

use std::path::Path;

/// A built binary's script and wasm, as the page names them (with the public URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// `/ontap-web-0123456789abcdef.js`.
    pub js: String,
    /// `/ontap-web-0123456789abcdef_bg.wasm`.
    pub wasm: String,
}

/// The files of binary `bin` in `dist`, named under `base` (the public URL).
pub fn built(dist: &Path, bin: &str, base: &str) -> Result<Built, String> {
    let mut js = None;
    let mut wasm = None;
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(bin).and_then(|r| r.strip_prefix('-')) else { continue };
        // Trunk's hash: hexadecimal digits, without leading zeros.
        let hashed = |ending: &str| {
            rest.strip_suffix(ending).is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        if hashed(".js") {
            js = Some(format!("{base}{name}"));
        } else if hashed("_bg.wasm") {
            wasm = Some(format!("{base}{name}"));
        }
    }
    match (js, wasm) {
        (Some(js), Some(wasm)) => Ok(Built { js, wasm }),
        _ => Err(format!("{}: no script and wasm of {bin}", dist.display())),
    }
}

/// The public URL trunk built `html` for: what stands before the script's name in its import.
pub fn base(html: &str, bin: &str) -> Result<String, String> {
    let at = html.find(&format!("{bin}-")).ok_or_else(|| format!("index.html does not load {bin}"))?;
    let quote = html[..at].rfind(['\'', '"']).ok_or("no quoted script name")?;
    Ok(html[quote + 1..at].to_owned())
}

/// `html` with trunk's preload links and loader replaced by one that picks `home` or `every`.
pub fn rewrite(html: &str, home: &Built, every: &Built) -> Result<String, String> {
    let mut out = html.to_owned();
    // Trunk's preloads would fetch ontap-web's files on every visit of the home page.
    for start in [r#"<link rel="modulepreload""#, r#"<link rel="preload""#] {
        while let Some(at) = out.find(start) {
            let end = out[at..].find('>').ok_or("an unclosed preload link")? + at + 1;
            out.replace_range(at..end, "");
        }
    }
    let script = out.find(r#"<script type="module""#).ok_or("no trunk loader in index.html")?;
    let end = out[script..].find("</script>").ok_or("an unclosed loader")? + script + "</script>".len();
    if !out[script..end].contains(&every.js) {
        return Err(format!("the loader does not import {}", every.js));
    }
    out.replace_range(script..end, &loader(home, every));
    Ok(out)
}

/// The loader. It starts once the pre-rendered page's largest paint has been recorded (or a
/// quarter of a second after the first frame, where the browser reports no such paint), so that
/// on a slow network the page's first paint never waits on, or shares the line with, the app's
/// code; then the wasm is fetched beside the script, as trunk's preload would fetch it.
fn loader(home: &Built, every: &Built) -> String {
    format!(
        r##"<script type="module">
const [js, wasm] = document.documentElement.classList.contains("deep")
  ? ["{}", "{}"]
  : ["{}", "{}"];
await new Promise((painted) => {{
  const after = () => setTimeout(painted, 0);
  try {{
    new PerformanceObserver((_, seen) => {{ seen.disconnect(); after(); }})
      .observe({{ type: "largest-contentful-paint", buffered: true }});
  }} catch (e) {{}}
  requestAnimationFrame(() => setTimeout(painted, 250));
}});
const preload = Object.assign(document.createElement("link"), {{ rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "anonymous", href: wasm }});
document.head.append(preload);
try {{
  const init = (await import(js)).default;
  await init({{ module_or_path: wasm }});
}} catch (e) {{
  const note = Object.assign(document.createElement("p"), {{ className: "load-failed", textContent: {failed} + " " }});
  note.setAttribute("role", "alert");
  const retry = Object.assign(document.createElement("button"), {{ type: "button", className: "button primary", textContent: {retry} }});
  retry.addEventListener("click", () => location.reload());
  note.append(retry);
  document.querySelector("#prerendered .opening")?.remove();
  document.querySelector("#prerendered main")?.prepend(note);
}}
</script>"##,
        every.js,
        every.wasm,
        home.js,
        home.wasm,
        failed = js_string(ontap_core::home::LOAD_FAILED),
        retry = js_string(ontap_core::home::RETRY),
    )
}

/// `text` as a JavaScript string literal that is safe inside `<script>` (no `</script>`).
fn js_string(text: &str) -> String {
    let mut out = String::from('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<head><link rel="modulepreload" href="/on-tap/ontap-web-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-x"><link rel="preload" href="/on-tap/ontap-web-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm">
<script type="module">
import init, * as bindings from '/on-tap/ontap-web-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/on-tap/ontap-web-0123456789abcdef_bg.wasm' });
</script></head><body></body>"#;

    fn built(bin: &str) -> Built {
        Built {
            js: format!("/on-tap/{bin}-0123456789abcdef.js"),
            wasm: format!("/on-tap/{bin}-0123456789abcdef_bg.wasm"),
        }
    }

    #[test]
    fn the_home_page_loads_its_own_binary_and_other_pages_every_page() {
        assert_eq!(base(TRUNK, "ontap-web").unwrap(), "/on-tap/");
        let out = rewrite(TRUNK, &built("ontap-home"), &built("ontap-web")).unwrap();
        assert!(!out.contains("modulepreload") && !out.contains("integrity"), "{out}");
        assert_eq!(out.matches("<script").count(), 1);
        let deep = out.find("\"/on-tap/ontap-web-0123456789abcdef.js\"").unwrap();
        let home = out.find("\"/on-tap/ontap-home-0123456789abcdef.js\"").unwrap();
        assert!(out.find("contains(\"deep\")").unwrap() < deep && deep < home, "{out}");
    }

    #[test]
    fn a_failed_load_says_so_and_offers_to_try_again() {
        let out = rewrite(TRUNK, &built("ontap-home"), &built("ontap-web")).unwrap();
        assert!(out.contains("catch (e)") && out.contains("\"Thử lại\"") && out.contains("location.reload()"), "{out}");
        assert_eq!(js_string("a\"</script>"), "\"a\\\"\\u003c/script>\"");
    }

    #[test]
    fn a_page_trunk_did_not_write_is_refused() {
        assert!(rewrite("<head></head>", &built("ontap-home"), &built("ontap-web")).is_err());
        assert!(base("<head></head>", "ontap-web").is_err());
    }
}
