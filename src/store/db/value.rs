//! Values crossing the store's boundary, the same on both engines: what a
//! statement binds ([`Param`], [`Params`], the [`params!`] macro) and what a
//! row gives back ([`FromValue`]).

use crate::error::{Error, Result};

/// One SQL value. Booleans are their own kind: SQLite stores them as 0 and
/// 1, PostgreSQL as BOOLEAN, and each engine binds them its way.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(String),
    Blob(Vec<u8>),
}

/// What a statement can bind.
pub trait Param {
    fn value(&self) -> Value;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn value(&self) -> Value {
                Value::Int(*self as i64)
            }
        }
    )*};
}
int_param!(i64, i32, i16, i8, u32, u16, u8);

impl Param for u64 {
    fn value(&self) -> Value {
        // Serials, sequences and counts: far below i64::MAX in any event.
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl Param for usize {
    fn value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}

impl Param for f64 {
    fn value(&self) -> Value {
        Value::Real(*self)
    }
}

impl Param for bool {
    fn value(&self) -> Value {
        Value::Bool(*self)
    }
}

impl Param for str {
    fn value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}

impl Param for String {
    fn value(&self) -> Value {
        Value::Text(self.clone())
    }
}

impl Param for [u8] {
    fn value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl Param for Vec<u8> {
    fn value(&self) -> Value {
        Value::Blob(self.clone())
    }
}

impl<const N: usize> Param for [u8; N] {
    fn value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl Param for Value {
    fn value(&self) -> Value {
        self.clone()
    }
}

impl<T: Param + ?Sized> Param for &T {
    fn value(&self) -> Value {
        (**self).value()
    }
}

impl<T: Param> Param for Option<T> {
    fn value(&self) -> Value {
        match self {
            Some(v) => v.value(),
            None => Value::Null,
        }
    }
}

/// The parameters of one statement: `[]`, `[x]`, `[a, b]` of one type, or
/// [`params!`] for mixed types.
pub trait Params {
    fn values(self) -> Vec<Value>;
}

/// No parameters: `[]`.
impl Params for [&dyn Param; 0] {
    fn values(self) -> Vec<Value> {
        Vec::new()
    }
}

macro_rules! array_params {
    ($($n:literal),*) => {$(
        impl<T: Param> Params for [T; $n] {
            fn values(self) -> Vec<Value> {
                self.iter().map(Param::value).collect()
            }
        }
    )*};
}
array_params!(1, 2, 3, 4, 5, 6, 7, 8);

impl Params for &[&dyn Param] {
    fn values(self) -> Vec<Value> {
        self.iter().map(|p| p.value()).collect()
    }
}

impl Params for Vec<Value> {
    fn values(self) -> Vec<Value> {
        self
    }
}

/// Parameters of mixed types: `params![id, name, true]`.
#[macro_export]
macro_rules! params {
    () => {
        &[] as &[&dyn $crate::db::Param]
    };
    ($($p:expr),+ $(,)?) => {
        &[$(&$p as &dyn $crate::db::Param),+] as &[&dyn $crate::db::Param]
    };
}

/// What a column can be read as. The conversions accept what either engine
/// gives for the same column: an integer 0/1 or a BOOLEAN for a `bool`, an
/// INTEGER or a BIGINT for an `i64`.
pub trait FromValue: Sized {
    fn from_value(value: Value) -> Result<Self, String>;
}

fn wrong(value: &Value, wanted: &str) -> String {
    let found = match value {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Real(_) => "a real number",
        Value::Bool(_) => "a boolean",
        Value::Text(_) => "text",
        Value::Blob(_) => "bytes",
    };
    format!("{found} where {wanted} was expected")
}

impl FromValue for i64 {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(i64::from(b)),
            other => Err(wrong(&other, "an integer")),
        }
    }
}

macro_rules! int_from_value {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(value: Value) -> Result<Self, String> {
                let i = i64::from_value(value)?;
                <$t>::try_from(i).map_err(|_| format!("{i} is out of range"))
            }
        }
    )*};
}
int_from_value!(i32, i16, i8, u64, u32, u16, u8, usize);

impl FromValue for f64 {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Real(r) => Ok(r),
            Value::Int(i) => Ok(i as f64),
            other => Err(wrong(&other, "a number")),
        }
    }
}

impl FromValue for bool {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Bool(b) => Ok(b),
            Value::Int(i) => Ok(i != 0),
            other => Err(wrong(&other, "a boolean")),
        }
    }
}

impl FromValue for String {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Text(t) => Ok(t),
            other => Err(wrong(&other, "text")),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Blob(b) => Ok(b),
            other => Err(wrong(&other, "bytes")),
        }
    }
}

impl<const N: usize> FromValue for [u8; N] {
    fn from_value(value: Value) -> Result<Self, String> {
        let bytes = Vec::<u8>::from_value(value)?;
        let len = bytes.len();
        bytes
            .try_into()
            .map_err(|_| format!("{len} bytes where {N} were expected"))
    }
}

impl FromValue for Value {
    fn from_value(value: Value) -> Result<Self, String> {
        Ok(value)
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(value: Value) -> Result<Self, String> {
        match value {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A column value the code does not know: the store is corrupt, or written
/// by a newer program. Names the column.
pub(crate) fn column_error(idx: usize, why: impl std::fmt::Display) -> Error {
    Error::Store(super::DbError::conversion(format!("column {idx}: {why}")))
}
