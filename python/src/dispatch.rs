//! The dispatch by operation name, derived from core's operation tables.
//!
//! `paywire::bootpay_operations!(crate::dispatch::operations)` expands [`operations!`] with every line of
//! the table: one `match` arm per operation that decodes each argument from the call's JSON object and
//! runs the table's own call into core's client. Nothing here names an operation: arguments decode by
//! their *type* and *name* alone, so a new line in a core table needs no edit in this crate.
//!
//! The rules, in [`Call::declared`]: an argument named `request` is the call's keyword arguments that are
//! not the other arguments' names (Python spreads a request record's fields as keyword arguments); any
//! other argument is the keyword of its name. A missing (or null) one takes the table's default, else
//! decodes from null (an `Option` is then `None`), else is "required". Types that need more than serde
//! (webhooks, the raw request, iamport's flattened card data, `ListOptions`, …) implement [`PyArg`]; the
//! macro picks that impl over the serde path when there is one (autoref specialization, see [`Decoder`]).

use crate::client::Args;
use crate::decode;
use paywire::{Error, RawRequest};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::marker::PhantomData;

/// One call's arguments, seen through the operation it is for.
pub(crate) struct Call<'a> {
    args: &'a Map<String, Value>,
    /// The operation's argument names, in table order.
    names: &'static [&'static str],
    /// The table's defaults: argument name and its value as JSON text (`"false"`, `"[]"`, `"null"`).
    defaults: &'static [(&'static str, &'static str)],
}

impl<'a> Call<'a> {
    /// The arguments of `args` as an operation with these argument names and defaults takes them.
    pub(crate) fn new(
        args: &'a Args,
        names: &'static [&'static str],
        defaults: &'static [(&'static str, &'static str)],
    ) -> Self {
        Self {
            args: args.map(),
            names,
            defaults,
        }
    }

    /// A keyword argument, when present and not null.
    pub(crate) fn value(&self, name: &str) -> Option<&'a Value> {
        self.args.get(name).filter(|v| !v.is_null())
    }

    /// An optional keyword argument.
    pub(crate) fn opt<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, Error> {
        self.value(name)
            .map(|v| decode::from_value(Some(name), v))
            .transpose()
    }

    /// A required keyword argument.
    pub(crate) fn req<T: DeserializeOwned>(&self, name: &str) -> Result<T, Error> {
        self.opt(name)?
            .ok_or_else(|| Error::invalid_input(name, "is required"))
    }

    /// The keyword arguments that are not another argument of the operation: the fields of its request.
    pub(crate) fn request(&self) -> Value {
        let mut fields = self.args.clone();
        // `Map::remove` (a swap-remove) as the hand-written dispatch did: with several wrong fields, serde
        // reports the first in map order, and tests pin which one that is.
        for name in self.names.iter().filter(|n| **n != "request") {
            fields.remove(*name);
        }
        Value::Object(fields)
    }

    /// Decodes the request fields as `T` and discards them: for a part a core request `#[serde(flatten)]`s
    /// in, whose field errors would otherwise lose their names (serde buffers flattened fields without a
    /// path).
    pub(crate) fn check<T: DeserializeOwned>(&self) -> Result<&Self, Error> {
        decode::from_value::<T>(None, &self.request())?;
        Ok(self)
    }

    /// The request fields as one of core's request structs.
    pub(crate) fn decode_request<T: DeserializeOwned>(&self) -> Result<T, Error> {
        decode::from_value(None, &self.request())
    }

    /// A JSON-object argument as the bytes of a JSON body (a webhook payload, parsed by core's parser).
    pub(crate) fn json_body(&self, name: &str) -> Result<Vec<u8>, Error> {
        let object = self.req::<Map<String, Value>>(name)?;
        serde_json::to_vec(&object).map_err(|e| crate::client::invalid(name, &e))
    }

    /// The argument `name` by the serde rules (see the module documentation).
    pub(crate) fn declared<T: DeserializeOwned>(&self, name: &str) -> Result<T, Error> {
        if name == "request" {
            return self.decode_request();
        }
        if let Some(value) = self.value(name) {
            return decode::from_value(Some(name), value);
        }
        let fallback = match self.defaults.iter().find(|(n, _)| *n == name) {
            // The texts come from the table through `default_json!`; `every_default_is_json` checks them.
            Some((_, text)) => serde_json::from_str(text).unwrap_or(Value::Null),
            None => Value::Null,
        };
        decode::from_value(Some(name), &fallback)
            .map_err(|_| Error::invalid_input(name, "is required"))
    }
}

/// An argument type that is not read by the serde rules of [`Call::declared`].
pub(crate) trait PyArg: Sized {
    /// The argument `name` of `call`.
    fn from_call(call: &Call<'_>, name: &str) -> Result<Self, Error>;
}

/// A list left out is an empty one (Python's `None` for "no ids"); a core method that needs ids says so.
impl<T: DeserializeOwned> PyArg for Vec<T> {
    fn from_call(call: &Call<'_>, name: &str) -> Result<Self, Error> {
        Ok(call.opt(name)?.unwrap_or_default())
    }
}

/// `raw_request(method, path, body=None, query=None, idempotent=None)`; `query` is an object or a list of
/// `[key, value]` pairs (repeated keys), its values sent as text. Both providers take the same shape.
impl PyArg for RawRequest {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        let method = call.req::<String>("method")?.to_ascii_uppercase();
        let query = match call.value("query") {
            None => Vec::new(),
            Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), scalar(v))).collect(),
            Some(other) => decode::from_value::<Vec<(String, Value)>>(Some("query"), other)?
                .into_iter()
                .map(|(k, v)| (k, scalar(&v)))
                .collect(),
        };
        let idempotent = call.opt::<bool>("idempotent")?.unwrap_or(method == "GET");
        Ok(RawRequest {
            method,
            path: call.req("path")?,
            query,
            body: call.value("body").cloned(),
            idempotent,
        })
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Picks how an argument of type `T` is decoded: `(&&Decoder::<T>::new()).decode(..)` resolves to
/// [`ByImpl`] when `T: PyArg` (method lookup tries `&Decoder<T>` as `Self` first), else to [`BySerde`].
/// It works because the macro names concrete types.
pub(crate) struct Decoder<T>(PhantomData<T>);

impl<T> Decoder<T> {
    /// The decoder of a `T`.
    pub(crate) fn new() -> Self {
        Self(PhantomData)
    }
}

/// The [`PyArg`] path of [`Decoder`].
pub(crate) trait ByImpl<T> {
    /// The argument `name` of `call`.
    fn decode(&self, call: &Call<'_>, name: &str) -> Result<T, Error>;
}

impl<T: PyArg> ByImpl<T> for &Decoder<T> {
    fn decode(&self, call: &Call<'_>, name: &str) -> Result<T, Error> {
        T::from_call(call, name)
    }
}

/// The serde path of [`Decoder`].
pub(crate) trait BySerde<T> {
    /// The argument `name` of `call`.
    fn decode(&self, call: &Call<'_>, name: &str) -> Result<T, Error>;
}

impl<T: DeserializeOwned> BySerde<T> for Decoder<T> {
    fn decode(&self, call: &Call<'_>, name: &str) -> Result<T, Error> {
        call.declared(name)
    }
}

/// A table's `defaults(…)` as `&[(name, JSON text)]`: `name = None` is null, `name = [] / false / 0 /
/// "text"` is its JSON, a bare `name` is the type's default, an empty object (every field at its own
/// default). Another value form fails to compile here, never silently.
macro_rules! defaults {
    ($($name:ident $(= $value:tt)?),* $(,)?) => {
        &[$((stringify!($name), $crate::dispatch::default_json!($($value)?))),*]
    };
}
pub(crate) use defaults;

/// One default value of a table as JSON text (see [`defaults!`]).
macro_rules! default_json {
    () => {
        "{}"
    };
    (None) => {
        "null"
    };
    ($value:tt) => {
        stringify!($value)
    };
}
pub(crate) use default_json;

/// The callback of `paywire::<provider>_operations!`: defines `dispatch(client, op, args)`, which runs the
/// operation named `op` and keeps its answer typed (see the module documentation).
macro_rules! operations {
    (
        provider $provider:ident;
        $(
            $(#[doc = $doc:literal])*
            fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty
                [$method:ident $path:literal, $retry:ident] $(defaults($($default:tt)*))?
                = |$c:ident| $call:expr;
        )*
    ) => {
        /// Runs the operation `op` of `client` and keeps its answer typed.
        pub(crate) async fn dispatch(
            client: ::paywire::$provider::Client,
            op: &str,
            args: $crate::client::Args,
        ) -> ::std::result::Result<$crate::client::Answer, ::paywire::Error> {
            #[allow(unused_imports)]
            use ::paywire::$provider::*;
            #[allow(unused_imports)]
            use $crate::dispatch::{ByImpl as _, BySerde as _};
            match op {
                $(
                    stringify!($name) => {
                        // Unused by an operation without arguments.
                        #[allow(unused_variables)]
                        let call = $crate::dispatch::Call::new(
                            &args,
                            &[$(stringify!($arg)),*],
                            $crate::dispatch::defaults!($($($default)*)?),
                        );
                        $(
                            let $arg: $ty = (&&$crate::dispatch::Decoder::<$ty>::new())
                                .decode(&call, stringify!($arg))?;
                        )*
                        let $c = &client;
                        $crate::client::out($call.await?)
                    }
                )*
                other => Err($crate::client::unknown_operation(other)),
            }
        }

        /// Every default of the table reads as JSON (`Call::declared` falls back to null otherwise).
        #[cfg(test)]
        #[test]
        fn every_default_is_json() {
            let all: &[&[(&str, &str)]] = &[$($crate::dispatch::defaults!($($($default)*)?)),*];
            for (name, text) in all.iter().flat_map(|defaults| defaults.iter()) {
                assert!(
                    serde_json::from_str::<serde_json::Value>(text).is_ok(),
                    "the default of {name} is not JSON: {text}"
                );
            }
        }
    };
}
pub(crate) use operations;

/// The operations of `provider` as its core table describes them.
pub(crate) fn table(provider: &str) -> Result<&'static [paywire::Operation], Error> {
    match provider {
        "bootpay" => Ok(paywire::bootpay::OPERATIONS),
        "iamport" => Ok(paywire::iamport::OPERATIONS),
        other => Err(Error::invalid_input(
            "provider",
            format!("must be bootpay or iamport (got {other:?})"),
        )),
    }
}
