//! Channels, endpoints and servers. Nothing connects: the harness only type-checks.

use std::fmt;
use std::net::SocketAddr;

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

#[derive(Debug, Clone)]
pub struct Endpoint {
    uri: String,
}

impl Endpoint {
    pub fn from_shared(uri: impl Into<String>) -> Result<Endpoint, Error> {
        Ok(Endpoint { uri: uri.into() })
    }

    pub async fn connect(&self) -> Result<Channel, Error> {
        Err(Error(format!(
            "the tonic stand-in does not connect to {}",
            self.uri
        )))
    }

    pub fn connect_lazy(&self) -> Channel {
        Channel {
            uri: self.uri.clone(),
        }
    }
}

impl TryFrom<String> for Endpoint {
    type Error = Error;
    fn try_from(uri: String) -> Result<Self, Self::Error> {
        Endpoint::from_shared(uri)
    }
}

impl TryFrom<&'static str> for Endpoint {
    type Error = Error;
    fn try_from(uri: &'static str) -> Result<Self, Self::Error> {
        Endpoint::from_shared(uri)
    }
}

#[derive(Debug, Clone)]
pub struct Channel {
    uri: String,
}

impl Channel {
    pub fn uri(&self) -> &str {
        &self.uri
    }
}

/// `Server::builder().add_service(…).serve(addr)`.
#[derive(Debug, Default)]
pub struct Server {
    services: Vec<&'static str>,
}

impl Server {
    pub fn builder() -> Server {
        Server::default()
    }

    pub fn add_service<S>(mut self, _service: S) -> Server
    where
        S: crate::server::NamedService + Send + 'static,
    {
        self.services.push(S::NAME);
        self
    }

    pub async fn serve(self, addr: SocketAddr) -> Result<(), Error> {
        Err(Error(format!(
            "the tonic stand-in does not serve {:?} on {addr}",
            self.services
        )))
    }
}
