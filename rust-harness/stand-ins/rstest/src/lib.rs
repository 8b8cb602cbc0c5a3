//! Stand-in for `rstest`'s `#[rstest]` with `#[case]` parameters, as personhog's tests use it:
//! the function stays (its `#[case]` markers and test attributes removed) and a module of the same
//! name gets one `#[test]` per case that calls it with the case's arguments, so every case is
//! type-checked against the parameters. Anything else rstest offers is refused with a compile
//! error rather than silently ignored.

use proc_macro::{Delimiter, Group, Ident, Span, TokenStream, TokenTree};
use std::str::FromStr;

fn ts(code: &str) -> TokenStream {
    TokenStream::from_str(code).expect("the stand-in's own tokens parse")
}

fn error(message: &str) -> TokenStream {
    ts(&format!("compile_error!({message:?});"))
}

struct Case {
    name: Option<String>,
    args: Group,
}

/// `#[case]`, `#[case(args)]` or `#[case::name(args)]` inside an attribute's brackets.
fn parse_case(attr: &Group) -> Option<Result<Case, String>> {
    let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
    if !matches!(inner.first(), Some(TokenTree::Ident(i)) if i.to_string() == "case") {
        return None;
    }
    let mut i = 1;
    let mut name = None;
    if matches!(inner.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ':') {
        match inner.get(i + 2) {
            Some(TokenTree::Ident(n)) => name = Some(n.to_string()),
            _ => return Some(Err("#[case::name(...)] needs a name".into())),
        }
        i += 3;
    }
    match inner.get(i) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => Some(Ok(Case {
            name,
            args: g.clone(),
        })),
        _ => Some(Err(
            "#[case] on a function needs its arguments: #[case(...)]".into(),
        )),
    }
}

fn is_test_attribute(attr: &Group) -> bool {
    let text = attr.stream().to_string().replace(' ', "");
    text == "test" || text.starts_with("tokio::test")
}

/// Top-level comma-separated pieces of a parameter list.
fn split_commas(stream: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    let mut depth = 0i32;
    for t in stream {
        match &t {
            TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '>' => depth -= 1,
            TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => {
                parts.push(Vec::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(t);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// Removes `#[case]` from each parameter; every parameter must carry one.
fn strip_case_markers(params: &Group) -> Result<(TokenStream, usize), String> {
    let mut out = TokenStream::new();
    let pieces = split_commas(params.stream());
    let count = pieces.len();
    for piece in pieces {
        let mut i = 0;
        let mut marked = false;
        while i + 1 < piece.len() {
            match (&piece[i], &piece[i + 1]) {
                (TokenTree::Punct(p), TokenTree::Group(g))
                    if p.as_char() == '#' && g.delimiter() == Delimiter::Bracket =>
                {
                    if g.stream().to_string().trim() != "case" {
                        return Err(format!(
                            "this rstest stand-in supports bare #[case] parameters only, not #[{}]",
                            g.stream()
                        ));
                    }
                    marked = true;
                    i += 2;
                }
                _ => break,
            }
        }
        if !marked {
            return Err(
                "this rstest stand-in supports #[case] parameters only (no fixtures)".into(),
            );
        }
        out.extend(piece[i..].iter().cloned());
        out.extend(ts(","));
    }
    Ok((out, count))
}

#[proc_macro_attribute]
pub fn rstest(_args: TokenStream, item: TokenStream) -> TokenStream {
    match expand(item) {
        Ok(ts) => ts,
        Err(message) => error(&message),
    }
}

fn expand(item: TokenStream) -> Result<TokenStream, String> {
    let tokens: Vec<TokenTree> = item.into_iter().collect();
    let mut cases = Vec::new();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let (TokenTree::Punct(p), Some(TokenTree::Group(g))) = (&tokens[i], tokens.get(i + 1)) {
            if p.as_char() == '#' && g.delimiter() == Delimiter::Bracket {
                if let Some(case) = parse_case(g) {
                    cases.push(case?);
                    i += 2;
                    continue;
                }
                if is_test_attribute(g) {
                    i += 2;
                    continue;
                }
            }
        }
        kept.push(tokens[i].clone());
        i += 1;
    }
    let fn_at = kept
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "fn"))
        .ok_or("#[rstest] goes on a function")?;
    let name = match kept.get(fn_at + 1) {
        Some(TokenTree::Ident(n)) => n.clone(),
        _ => return Err("#[rstest] goes on a named function".into()),
    };
    let params_at = fn_at + 2;
    let params = match kept.get(params_at) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => g.clone(),
        _ => return Err("#[rstest]: generic test functions are not supported here".into()),
    };
    if cases.is_empty() {
        return Err("#[rstest] without #[case] attributes: nothing to run".into());
    }
    let (stripped, arity) = strip_case_markers(&params)?;
    let mut new_params = Group::new(Delimiter::Parenthesis, stripped);
    new_params.set_span(params.span());
    kept[params_at] = TokenTree::Group(new_params);

    let mut out = ts("#[allow(dead_code)]");
    out.extend(kept);
    let mut module = ts("use super::*;");
    for (n, case) in cases.iter().enumerate() {
        let given = split_commas(case.args.stream()).len();
        if given != arity {
            return Err(format!(
                "case {} of {name} gives {given} arguments for {arity} #[case] parameters",
                n + 1
            ));
        }
        let case_name = match &case.name {
            Some(label) => format!("case_{}_{label}", n + 1),
            None => format!("case_{}", n + 1),
        };
        // Calling the function checks each argument against its parameter's type; an async
        // test's future is only created, never polled.
        module.extend(ts("#[test] fn"));
        module.extend([TokenTree::Ident(Ident::new(&case_name, Span::call_site()))]);
        let mut call = ts("let _ = super::");
        call.extend([TokenTree::Ident(name.clone())]);
        call.extend([TokenTree::Group(case.args.clone())]);
        call.extend(ts(";"));
        module.extend(ts("()"));
        module.extend([TokenTree::Group(Group::new(Delimiter::Brace, call))]);
    }
    out.extend(ts("#[cfg(test)] mod"));
    out.extend([TokenTree::Ident(name)]);
    out.extend([TokenTree::Group(Group::new(Delimiter::Brace, module))]);
    Ok(out)
}
