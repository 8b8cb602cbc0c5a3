//! Stand-in for the `async-trait` crate: `#[async_trait]` on a trait or an impl turns every
//! `async fn` into a method returning `Pin<Box<dyn Future + Send + 'async_trait>>`, as the real
//! crate does, so traits stay usable as `Arc<dyn Trait>`. Written with `proc_macro` alone: it
//! handles the shapes personhog uses (`&self`, reference and owned parameters, a return type,
//! attributes and doc comments) and says so with a compile error when it meets something else.

use proc_macro::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use std::str::FromStr;

const LIFETIME: &str = "'async_trait";

#[proc_macro_attribute]
pub fn async_trait(args: TokenStream, item: TokenStream) -> TokenStream {
    let send = !args.to_string().replace(' ', "").contains("?Send");
    let mut tokens: Vec<TokenTree> = item.into_iter().collect();
    let is_trait = tokens
        .iter()
        .any(|t| matches!(t, TokenTree::Ident(i) if i.to_string() == "trait"));
    let Some(TokenTree::Group(body)) = tokens.pop() else {
        return error("#[async_trait] goes on a trait or an impl block");
    };
    if body.delimiter() != Delimiter::Brace {
        return error("#[async_trait] goes on a trait or an impl block");
    }
    let mut out = TokenStream::new();
    for item in split_items(body.stream()) {
        match transform_item(item, is_trait, send) {
            Ok(ts) => out.extend(ts),
            Err(message) => return error(&message),
        }
    }
    let mut group = Group::new(Delimiter::Brace, out);
    group.set_span(body.span());
    tokens.push(TokenTree::Group(group));
    tokens.into_iter().collect()
}

fn ts(code: &str) -> TokenStream {
    TokenStream::from_str(code).expect("the stand-in's own tokens parse")
}

fn error(message: &str) -> TokenStream {
    TokenStream::from_str(&format!("compile_error!({message:?});")).unwrap()
}

fn is_ident(t: &TokenTree, name: &str) -> bool {
    matches!(t, TokenTree::Ident(i) if i.to_string() == name)
}

fn is_punct(t: &TokenTree, ch: char) -> bool {
    matches!(t, TokenTree::Punct(p) if p.as_char() == ch)
}

/// Items of a trait or impl body: each ends at a `;`, or at the brace group of a `fn` body.
fn split_items(body: TokenStream) -> Vec<Vec<TokenTree>> {
    let mut items = Vec::new();
    let mut current = Vec::new();
    for t in body {
        let ends = is_punct(&t, ';')
            || (matches!(&t, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
                && current.iter().any(|c| is_ident(c, "fn")));
        current.push(t);
        if ends {
            items.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    items
}

fn transform_item(item: Vec<TokenTree>, is_trait: bool, send: bool) -> Result<TokenStream, String> {
    let Some(at) = item
        .windows(2)
        .position(|w| is_ident(&w[0], "async") && is_ident(&w[1], "fn"))
    else {
        return Ok(item.into_iter().collect());
    };
    let head = &item[..at];
    let rest = &item[at + 2..];
    let name = match rest.first() {
        Some(TokenTree::Ident(i)) => i.clone(),
        _ => return Err("async fn without a name".into()),
    };
    let mut i = 1;
    // Generic parameters, if any: the new lifetime goes first.
    let mut generics = ts(LIFETIME);
    if rest.get(i).is_some_and(|t| is_punct(t, '<')) {
        let mut depth = 0;
        let start = i + 1;
        while i < rest.len() {
            if is_punct(&rest[i], '<') {
                depth += 1;
            } else if is_punct(&rest[i], '>') {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            i += 1;
        }
        generics.extend([TokenTree::Punct(Punct::new(',', Spacing::Alone))]);
        generics.extend(rest[start..i].iter().cloned());
        i += 1;
    }
    let params = match rest.get(i) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis => g.clone(),
        _ => return Err(format!("async fn {name}: expected its parameter list")),
    };
    i += 1;
    let mut ret = Vec::new();
    if rest.get(i).is_some_and(|t| is_punct(t, '-')) {
        i += 2;
        while i < rest.len()
            && !is_ident(&rest[i], "where")
            && !is_punct(&rest[i], ';')
            && !matches!(&rest[i], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace)
        {
            ret.push(rest[i].clone());
            i += 1;
        }
    }
    let ret: TokenStream = if ret.is_empty() {
        ts("()")
    } else {
        ret.into_iter().collect()
    };
    let mut where_clause = Vec::new();
    while i < rest.len() && !is_punct(&rest[i], ';') && !matches!(&rest[i], TokenTree::Group(_)) {
        where_clause.push(rest[i].clone());
        i += 1;
    }
    let body = match rest.get(i) {
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => Some(g.clone()),
        Some(t) if is_punct(t, ';') => None,
        _ => return Err(format!("async fn {name}: expected a body or `;`")),
    };

    // Built from the original tokens, not from text, so errors keep pointing at the user's code.
    let mut out: TokenStream = head.iter().cloned().collect();
    out.extend([
        TokenTree::Ident(Ident::new("fn", Span::call_site())),
        TokenTree::Ident(name),
    ]);
    out.extend(ts("<"));
    out.extend(generics);
    out.extend(ts(">"));
    let mut param_group = Group::new(Delimiter::Parenthesis, with_lifetimes(params.stream()));
    param_group.set_span(params.span());
    out.extend([TokenTree::Group(param_group)]);
    out.extend(ts(
        "-> ::core::pin::Pin<::std::boxed::Box<dyn ::core::future::Future<Output = ",
    ));
    out.extend(ret.clone());
    out.extend(ts(if send {
        "> + ::core::marker::Send + 'async_trait>>"
    } else {
        "> + 'async_trait>>"
    }));
    let mut where_tokens: TokenStream = where_clause.into_iter().collect();
    if is_trait && body.is_some() && send {
        // A default body borrows `self` across awaits: the future is Send only if Self is Sync.
        where_tokens.extend(ts(if where_tokens.is_empty() {
            "where"
        } else {
            ","
        }));
        where_tokens.extend(ts("Self: ::core::marker::Sync"));
    }
    out.extend(where_tokens);
    match body {
        None => out.extend(ts(";")),
        Some(b) => {
            // The `return` pins the async block's output to the declared type, so `?` and
            // early returns infer as they do in the written `async fn`.
            let mut block = ts("#[allow(unreachable_code)] if let ::core::option::Option::Some(__ret) = ::core::option::Option::None::<");
            block.extend(ret);
            block.extend(ts("> { return __ret; }"));
            block.extend(b.stream());
            let mut inner = Group::new(Delimiter::Brace, block);
            inner.set_span(b.span());
            let mut call = ts("async move");
            call.extend([TokenTree::Group(inner)]);
            let mut boxed = ts("::std::boxed::Box::pin");
            boxed.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, call))]);
            let mut outer = Group::new(Delimiter::Brace, boxed);
            outer.set_span(b.span());
            out.extend([TokenTree::Group(outer)]);
        }
    }
    Ok(out)
}

/// Every reference without a lifetime, and every `'_`, gets the future's lifetime.
fn with_lifetimes(params: TokenStream) -> TokenStream {
    let tokens: Vec<TokenTree> = params.into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        match t {
            TokenTree::Punct(p) if p.as_char() == '&' => {
                out.push(t.clone());
                let named = tokens.get(i + 1).is_some_and(|n| is_punct(n, '\''));
                if !named {
                    out.extend(lifetime());
                }
            }
            TokenTree::Punct(p) if p.as_char() == '\'' => {
                if tokens.get(i + 1).is_some_and(|n| is_ident(n, "_")) {
                    out.extend(lifetime());
                    i += 1;
                } else {
                    out.push(t.clone());
                }
            }
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), with_lifetimes(g.stream()));
                inner.set_span(g.span());
                out.push(TokenTree::Group(inner));
            }
            _ => out.push(t.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn lifetime() -> [TokenTree; 2] {
    let mut tick = Punct::new('\'', Spacing::Joint);
    tick.set_span(Span::call_site());
    [
        TokenTree::Punct(tick),
        TokenTree::Ident(Ident::new(&LIFETIME[1..], Span::call_site())),
    ]
}
