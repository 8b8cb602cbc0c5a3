pub use personhog_common::storage_error::{StorageError, StorageResult};
