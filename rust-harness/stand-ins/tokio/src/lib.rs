//! Stand-in for the part of `tokio` personhog's code and tests use. Signatures match tokio's;
//! bodies are never run (the harness only type-checks), so they do the least that type-checks.

pub use tokio_macros::{main, test};

pub mod runtime {
    use std::future::Future;

    /// What `#[tokio::test]` hands the test body to. Never called: the harness only checks.
    pub fn block_on_stand_in<F: Future>(_future: F) -> F::Output {
        unreachable!("the compile harness type-checks tests; it does not run them")
    }
}

pub mod task {
    use std::future::Future;
    use std::marker::PhantomData;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    #[derive(Debug)]
    pub struct JoinError;

    impl std::fmt::Display for JoinError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("task failed")
        }
    }

    impl std::error::Error for JoinError {}

    pub struct JoinHandle<T>(pub(crate) PhantomData<fn() -> T>);

    impl<T> JoinHandle<T> {
        pub fn abort(&self) {}
    }

    impl<T> Future for JoinHandle<T> {
        type Output = Result<T, JoinError>;
        fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
            Poll::Pending
        }
    }
}

pub fn spawn<F>(_future: F) -> task::JoinHandle<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    task::JoinHandle(std::marker::PhantomData)
}

pub mod net {
    use std::io;
    use std::net::SocketAddr;

    pub struct TcpListener {
        addr: SocketAddr,
    }

    impl TcpListener {
        pub async fn bind(addr: &str) -> io::Result<TcpListener> {
            let addr = addr
                .parse()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
            Ok(TcpListener { addr })
        }

        pub fn local_addr(&self) -> io::Result<SocketAddr> {
            Ok(self.addr)
        }
    }
}

pub mod time {
    pub use std::time::Duration;

    pub async fn sleep(_duration: Duration) {}
}
