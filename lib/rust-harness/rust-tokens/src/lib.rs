//! Reads generated Rust with rustc's own lexer, for the hostile-input property test
//! (lib/generate/hostile.test.ts). A proc macro is the one place stable Rust hands out that
//! lexer: `TokenStream::from_str` drops comments, keeps every string literal a single literal
//! token, and refuses unbalanced delimiters. The macro fails the compilation, naming the file,
//! when a file does not lex or holds the marker as an identifier: text from a design that has
//! escaped its comment or string literal and become code.

use proc_macro::{TokenStream, TokenTree};
use std::str::FromStr;

/// `scan_dir!("dir", "MARKER", n)`: expands to nothing when the `n` files of `dir` lex and none
/// holds `MARKER` as an identifier; otherwise to `compile_error!` listing each failure.
#[proc_macro]
pub fn scan_dir(input: TokenStream) -> TokenStream {
    let args: Vec<String> = input
        .into_iter()
        .filter_map(|t| match t {
            TokenTree::Literal(l) => Some(l.to_string().trim_matches('"').to_string()),
            _ => None,
        })
        .collect();
    let [dir, marker, expected] = &args[..] else {
        return error("usage: scan_dir!(\"dir\", \"MARKER\", count)");
    };
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return error(&format!("cannot read {dir}: {e}")),
    };
    files.sort();
    if files.len().to_string() != *expected {
        return error(&format!(
            "expected {expected} files in {dir}, found {}",
            files.len()
        ));
    }
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                failures.push(format!("{name}: unreadable: {e}"));
                continue;
            }
        };
        // rustc's lexer may abort the whole expansion on a bad file: name it first.
        eprintln!("rust_tokens: lexing {name}");
        match TokenStream::from_str(&text) {
            Err(e) => failures.push(format!("{name}: does not lex: {e:?}")),
            Ok(tokens) => {
                if holds_ident(tokens, marker) {
                    failures.push(format!(
                        "{name}: {marker} is an identifier, outside any comment or literal"
                    ));
                }
            }
        }
    }
    if failures.is_empty() {
        TokenStream::new()
    } else {
        error(&failures.join("\n"))
    }
}

fn holds_ident(tokens: TokenStream, marker: &str) -> bool {
    tokens.into_iter().any(|t| match t {
        TokenTree::Ident(i) => i.to_string().trim_start_matches("r#") == marker,
        TokenTree::Group(g) => holds_ident(g.stream(), marker),
        _ => false,
    })
}

fn error(message: &str) -> TokenStream {
    TokenStream::from_str(&format!("compile_error!({message:?});")).unwrap()
}
