//! Stand-in for `#[tokio::test]` and `#[tokio::main]`: the async fn becomes a plain `#[test]`
//! (or `main`) whose body is handed, as a future, to a `block_on` that is never run. The harness
//! only type-checks, so the body is checked exactly as written and nothing executes.

use proc_macro::{Delimiter, Group, TokenStream, TokenTree};
use std::str::FromStr;

fn ts(code: &str) -> TokenStream {
    TokenStream::from_str(code).expect("the stand-in's own tokens parse")
}

fn error(message: &str) -> TokenStream {
    ts(&format!("compile_error!({message:?});"))
}

/// `async fn name() -> R { body }` → `fn name() -> R { block_on(async move { body }) }`.
fn wrap(item: TokenStream, attribute: &str) -> TokenStream {
    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let Some(at) = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "async"))
    else {
        return error("the function must be `async fn`");
    };
    tokens.remove(at);
    let Some(TokenTree::Group(body)) = tokens.pop() else {
        return error("expected a function body");
    };
    let fn_at = tokens
        .iter()
        .position(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "fn"))
        .unwrap_or(0);
    let params_empty = tokens[fn_at..].iter().any(
        |t| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Parenthesis && g.stream().is_empty()),
    );
    if !params_empty {
        return error("a test function takes no arguments (use #[rstest] with #[case] for cases)");
    }
    let arrow = tokens[fn_at..]
        .windows(2)
        .position(|w| matches!((&w[0], &w[1]), (TokenTree::Punct(a), TokenTree::Punct(b)) if a.as_char() == '-' && b.as_char() == '>'));
    let ret: TokenStream = match arrow {
        Some(a) => tokens[fn_at + a + 2..].iter().cloned().collect(),
        None => ts("()"),
    };
    let mut block = ts("#[allow(unreachable_code)] if let ::core::option::Option::Some(__ret) = ::core::option::Option::None::<");
    block.extend(ret);
    block.extend(ts("> { return __ret; }"));
    block.extend(body.stream());
    let mut inner = Group::new(Delimiter::Brace, block);
    inner.set_span(body.span());
    let mut future = ts("async move");
    future.extend([TokenTree::Group(inner)]);
    let mut call = ts("::tokio::runtime::block_on_stand_in");
    call.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, future))]);
    let mut new_body = Group::new(Delimiter::Brace, call);
    new_body.set_span(body.span());
    let mut out = ts(attribute);
    out.extend(tokens);
    out.extend([TokenTree::Group(new_body)]);
    out
}

#[proc_macro_attribute]
pub fn test(_args: TokenStream, item: TokenStream) -> TokenStream {
    wrap(item, "#[::core::prelude::v1::test]")
}

#[proc_macro_attribute]
pub fn main(_args: TokenStream, item: TokenStream) -> TokenStream {
    wrap(item, "")
}
