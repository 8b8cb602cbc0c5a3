//! The compile-time half of the sqlx stand-in, in the role of sqlx's offline mode: `query!`,
//! `query_as!` and `query_scalar!` (macro_rules in the `sqlx` crate) hand their SQL literal and
//! binds to `expand_query!`, which looks the literal up in `.sqlx/harness-describe.rs` beside the
//! crate's Cargo.toml. The compile harness writes that file from PostgreSQL's Describe of each
//! statement (PGlite with personhog's schema): the Rust type of every `$n`, and the name and Rust
//! type of every output column, nullability and `as "x!"`/`"x?"`/`"x: T"` overrides applied.
//!
//! The expansion then makes rustc check what real sqlx checks: the number of binds, each bind's
//! type against its parameter's (through `sqlx::Encode`), and for `query_as!` a struct literal of
//! the target type with exactly the described columns, so a missing, extra or differently typed
//! field is a compile error.

use proc_macro::{Delimiter, Group, Ident, Literal, Span, TokenStream, TokenTree};
use std::str::FromStr;

const DESCRIBE_FILE: &str = ".sqlx/harness-describe.rs";

fn ts(code: &str) -> TokenStream {
    TokenStream::from_str(code).expect("the stand-in's own tokens parse")
}

fn error_at(span: Span, message: &str) -> TokenStream {
    respan(ts(&format!("compile_error!({message:?})")), span)
}

/// Gives every token the span of the user's code it stands for, so errors point there.
fn respan(stream: TokenStream, span: Span) -> TokenStream {
    stream
        .into_iter()
        .map(|mut t| {
            if let TokenTree::Group(g) = &t {
                let mut inner = Group::new(g.delimiter(), respan(g.stream(), span));
                inner.set_span(span);
                t = TokenTree::Group(inner);
            } else {
                t.set_span(span);
            }
            t
        })
        .collect()
}

/// Macro fragments arrive wrapped in invisible groups; this looks through them.
fn unwrap_invisible(t: TokenTree) -> TokenTree {
    match t {
        TokenTree::Group(g) if g.delimiter() == Delimiter::None => {
            let mut inner = g.stream().into_iter();
            match (inner.next(), inner.next()) {
                (Some(only), None) => unwrap_invisible(only),
                _ => TokenTree::Group(g),
            }
        }
        t => t,
    }
}

/// The tokens of a fragment without its invisible group (`$out:path`).
fn flatten(stream: TokenStream) -> TokenStream {
    stream
        .into_iter()
        .flat_map(|t| match t {
            TokenTree::Group(g) if g.delimiter() == Delimiter::None => flatten(g.stream()),
            t => t.into(),
        })
        .collect()
}

fn split_commas(stream: TokenStream) -> Vec<TokenStream> {
    let mut parts = vec![TokenStream::new()];
    let mut angle = 0i32;
    for t in stream {
        match &t {
            TokenTree::Punct(p) if p.as_char() == '<' => angle += 1,
            TokenTree::Punct(p) if p.as_char() == '>' && angle > 0 => angle -= 1,
            TokenTree::Punct(p) if p.as_char() == ',' && angle == 0 => {
                parts.push(TokenStream::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().extend([t]);
    }
    parts.retain(|p| !p.is_empty());
    parts
}

/// A Rust type from the describe file, or a type the stand-in (like sqlx) cannot map.
enum RustType {
    Known(TokenStream),
    Unsupported(String),
}

fn parse_type(stream: TokenStream) -> RustType {
    let tokens: Vec<TokenTree> = stream.clone().into_iter().collect();
    if let [TokenTree::Ident(i), TokenTree::Group(g)] = tokens.as_slice() {
        if i.to_string() == "unsupported" {
            let name = g.stream().to_string();
            return RustType::Unsupported(name.trim_matches('"').to_string());
        }
    }
    RustType::Known(stream)
}

struct Column {
    name: String,
    ty: RustType,
}

struct Described {
    params: Vec<RustType>,
    columns: Vec<Column>,
}

/// One entry's body: `params(T, …), columns("name": T, …)` or `error("message")`.
fn parse_entry(body: TokenStream) -> Result<Described, String> {
    let mut params = Vec::new();
    let mut columns = Vec::new();
    let tokens: Vec<TokenTree> = body.into_iter().collect();
    for pair in tokens.split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ',')) {
        let [TokenTree::Ident(key), TokenTree::Group(list)] = pair else {
            continue;
        };
        match key.to_string().as_str() {
            "error" => {
                let text = list.stream().to_string();
                return Err(unquote(&text));
            }
            "params" => {
                params = split_commas(list.stream())
                    .into_iter()
                    .map(parse_type)
                    .collect()
            }
            "columns" => {
                for column in split_commas(list.stream()) {
                    let mut parts = column.into_iter();
                    let name = match parts.next() {
                        Some(TokenTree::Literal(l)) => unquote(&l.to_string()),
                        _ => return Err("malformed describe file: column without a name".into()),
                    };
                    parts.next(); // the `:`
                    columns.push(Column {
                        name,
                        ty: parse_type(parts.collect()),
                    });
                }
            }
            other => return Err(format!("malformed describe file: unknown key {other}")),
        }
    }
    Ok(Described { params, columns })
}

/// The text of a plain string literal as the harness writes them (`\"` and `\\` escapes only).
fn unquote(literal: &str) -> String {
    let inner = literal.trim().trim_start_matches('"').trim_end_matches('"');
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Finds the literal's entry in the crate's describe file.
fn describe(sql: &Literal) -> Result<(Described, String), String> {
    let dir = std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?;
    let path = format!("{dir}/{DESCRIBE_FILE}");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!("no describe data for sqlx's query macros at {path} ({e}): the compile harness writes it; see rust-harness/README.md")
    })?;
    let stream = TokenStream::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let wanted = sql.to_string();
    let tokens: Vec<TokenTree> = stream.into_iter().collect();
    for entry in tokens.chunks(4) {
        if let [TokenTree::Literal(key), _, _, TokenTree::Group(body)] = entry {
            if key.to_string() == wanted {
                return parse_entry(body.stream()).map(|d| (d, path.clone()));
            }
        }
    }
    Err(format!(
        "no describe data for this query in {path}: the compile harness describes every query it finds; was this file placed by it?"
    ))
}

fn is_rust_ident(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && name != "_"
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
];

fn field_ident(name: &str, span: Span) -> Ident {
    if KEYWORDS.contains(&name) {
        Ident::new_raw(name, span)
    } else {
        Ident::new(name, span)
    }
}

#[proc_macro]
pub fn expand_query(input: TokenStream) -> TokenStream {
    let mut parts = input.into_iter().map(unwrap_invisible);
    let (
        Some(TokenTree::Ident(kind)),
        Some(TokenTree::Group(out)),
        Some(sql),
        Some(TokenTree::Group(args)),
    ) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return ts("compile_error!(\"expand_query!: malformed input\")");
    };
    let TokenTree::Literal(sql) = sql else {
        return error_at(sql.span(), "sqlx's query macros take a string literal");
    };
    let span = sql.span();
    let (described, path) = match describe(&sql) {
        Ok(d) => d,
        Err(message) => return error_at(span, &message),
    };
    let kind = kind.to_string();
    let args: Vec<TokenTree> = args
        .stream()
        .into_iter()
        .filter(|t| !matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
        .collect();
    if args.len() != described.params.len() {
        return error_at(
            span,
            &format!(
                "expected {} parameters, got {}",
                described.params.len(),
                args.len()
            ),
        );
    }

    let mut block = ts(&format!("const _: &[u8] = include_bytes!({path:?});"));
    for (n, (arg, param)) in args.iter().zip(&described.params).enumerate() {
        let arg_span = arg.span();
        let param = match param {
            RustType::Known(t) => t.clone(),
            RustType::Unsupported(name) => {
                return error_at(
                    arg_span,
                    &format!("unsupported type {name} for param #{}", n + 1),
                )
            }
        };
        let var = Ident::new(&format!("__sqlx_arg_{n}"), arg_span);
        block.extend(ts("let"));
        block.extend([TokenTree::Ident(var.clone())]);
        block.extend(ts("= &"));
        block.extend([TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            arg.clone().into(),
        ))]);
        block.extend(ts(";"));
        let mut check = ts("::sqlx::__private::check_bind::<");
        check.extend(param);
        check.extend(ts(", _>"));
        let mut call_args = TokenStream::new();
        call_args.extend([TokenTree::Ident(var)]);
        check.extend([TokenTree::Group(Group::new(
            Delimiter::Parenthesis,
            call_args,
        ))]);
        check.extend(ts(";"));
        block.extend(respan(check, arg_span));
    }

    let mut types = Vec::new();
    for (n, c) in described.columns.iter().enumerate() {
        match &c.ty {
            RustType::Known(t) => types.push(t.clone()),
            RustType::Unsupported(name) => {
                return error_at(
                    span,
                    &format!(
                        "unsupported type {name} of column #{} ({:?})",
                        n + 1,
                        c.name
                    ),
                )
            }
        }
    }
    let record = |target: TokenStream| -> Result<TokenStream, String> {
        let mut fields = TokenStream::new();
        for (c, t) in described.columns.iter().zip(&types) {
            if !is_rust_ident(&c.name) {
                return Err(format!(
                    "column name {:?} is not a valid Rust identifier: alias it (`AS name`)",
                    c.name
                ));
            }
            fields.extend([TokenTree::Ident(field_ident(&c.name, span))]);
            fields.extend(ts(": ::sqlx::__private::decode::<"));
            fields.extend(t.clone());
            fields.extend(ts(">(),"));
        }
        let mut literal = target;
        literal.extend([TokenTree::Group(Group::new(
            Delimiter::Brace,
            respan(fields, span),
        ))]);
        Ok(literal)
    };

    let (output, row): (TokenStream, TokenStream) = match kind.as_str() {
        "query_as" => match record(flatten(out.stream())) {
            Ok(row) => (flatten(out.stream()), row),
            Err(message) => return error_at(span, &message),
        },
        "query_scalar" => {
            if types.len() != 1 {
                return error_at(
                    span,
                    &format!(
                        "query_scalar! needs exactly one output column; this query has {}",
                        types.len()
                    ),
                );
            }
            let mut row = ts("::sqlx::__private::decode::<");
            row.extend(types[0].clone());
            row.extend(ts(">()"));
            (types[0].clone(), row)
        }
        _ if types.is_empty() => (
            ts("::sqlx::postgres::PgRow"),
            ts("::sqlx::__private::decode()"),
        ),
        _ => {
            // query!: an anonymous record with one field per column, as sqlx declares it.
            let mut decl = TokenStream::new();
            for (c, t) in described.columns.iter().zip(&types) {
                if !is_rust_ident(&c.name) {
                    return error_at(
                        span,
                        &format!(
                            "column name {:?} is not a valid Rust identifier: alias it (`AS name`)",
                            c.name
                        ),
                    );
                }
                decl.extend(ts("pub"));
                decl.extend([TokenTree::Ident(field_ident(&c.name, span))]);
                decl.extend(ts(":"));
                decl.extend(t.clone());
                decl.extend(ts(","));
            }
            block.extend(ts(
                "#[allow(non_snake_case, dead_code)] #[derive(Debug)] struct Record",
            ));
            block.extend([TokenTree::Group(Group::new(Delimiter::Brace, decl))]);
            match record(ts("Record")) {
                Ok(row) => (ts("Record"), row),
                Err(message) => return error_at(span, &message),
            }
        }
    };
    let mut closure = ts("||");
    closure.extend(row);
    let mut map = ts("::sqlx::query::Map::<");
    map.extend(output);
    map.extend(ts(">::__from_describe"));
    map.extend([TokenTree::Group(Group::new(
        Delimiter::Parenthesis,
        closure,
    ))]);
    block.extend(respan(map, span));
    TokenStream::from(TokenTree::Group(Group::new(Delimiter::Brace, block)))
}
