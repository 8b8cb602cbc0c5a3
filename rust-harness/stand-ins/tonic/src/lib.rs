//! Stand-in for the API surface of `tonic` (0.12, the version whose generated server traits use
//! `#[async_trait]`) that personhog's crates and the generated proto code use. Signatures follow
//! tonic's; transport bodies do nothing, since the harness only type-checks.

pub use async_trait::async_trait;

mod request;
mod status;

pub mod metadata;
pub mod transport;

pub use request::{IntoRequest, Request, Response};
pub use status::{Code, Status};

pub mod server {
    /// The service's full name, used to route `/package.Service/Method` paths.
    pub trait NamedService {
        const NAME: &'static str;
    }
}

pub mod body {
    /// A request or response body of raw bytes (what the raw proxy forwards).
    #[derive(Debug, Default)]
    pub struct Body(Vec<u8>);

    impl Body {
        pub fn empty() -> Body {
            Body(Vec::new())
        }

        pub fn from_bytes(bytes: Vec<u8>) -> Body {
            Body(bytes)
        }

        pub fn len(&self) -> usize {
            self.0.len()
        }

        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }
}

pub mod codegen {
    /// The `http` types tonic re-exports, as far as the raw proxy uses them.
    pub mod http {
        pub use crate::metadata::MetadataMap as HeaderMap;

        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct Uri(String);

        impl Uri {
            pub fn path(&self) -> &str {
                &self.0
            }
        }

        #[derive(Debug, Default)]
        pub struct Request<B> {
            uri: Uri,
            headers: HeaderMap,
            body: B,
        }

        impl<B> Request<B> {
            pub fn new(body: B) -> Self {
                Request {
                    uri: Uri::default(),
                    headers: HeaderMap::new(),
                    body,
                }
            }

            pub fn uri(&self) -> &Uri {
                &self.uri
            }

            pub fn headers(&self) -> &HeaderMap {
                &self.headers
            }

            pub fn headers_mut(&mut self) -> &mut HeaderMap {
                &mut self.headers
            }

            pub fn into_body(self) -> B {
                self.body
            }
        }

        #[derive(Debug, Default)]
        pub struct Response<B> {
            headers: HeaderMap,
            body: B,
        }

        impl<B> Response<B> {
            pub fn new(body: B) -> Self {
                Response {
                    headers: HeaderMap::new(),
                    body,
                }
            }

            pub fn headers(&self) -> &HeaderMap {
                &self.headers
            }

            pub fn headers_mut(&mut self) -> &mut HeaderMap {
                &mut self.headers
            }

            pub fn into_body(self) -> B {
                self.body
            }
        }
    }
}
