//! The part of the library's UniFFI metadata the Python generator reads: records, enums, and the provider
//! client objects with their operations. Which crate a record comes from does not matter.

use std::collections::BTreeMap;
use uniffi_meta::{EnumMetadata, Metadata, MethodMetadata, RecordMetadata, Type};

/// One provider client: the async object (`Bootpay`) whose async methods are the operation table.
pub struct Client {
    /// `bootpay`, `iamport`: the object's name in lower case.
    pub provider: String,
    /// The UniFFI object (`Bootpay`).
    pub object: String,
    /// Its operations, in the library's order (sorted by name by the extractor; Python does not care).
    pub ops: Vec<MethodMetadata>,
}

/// Records, enums and clients of one library.
pub struct Meta {
    pub records: BTreeMap<String, RecordMetadata>,
    pub enums: BTreeMap<String, EnumMetadata>,
    pub clients: Vec<Client>,
}

impl Meta {
    /// Reads the metadata of `library` (an unstripped cdylib).
    pub fn load(library: &str) -> Result<Self, String> {
        let items =
            uniffi_bindgen::macro_metadata::extract_from_library(camino::Utf8Path::new(library))
                .map_err(|e| format!("cannot read the UniFFI metadata of {library}: {e}"))?;
        let mut records = BTreeMap::new();
        let mut enums = BTreeMap::new();
        let mut objects = Vec::new();
        let mut methods: Vec<MethodMetadata> = Vec::new();
        for item in items {
            match item {
                Metadata::Record(r) => {
                    records.insert(r.name.clone(), r);
                }
                Metadata::Enum(e) => {
                    enums.insert(e.name.clone(), e);
                }
                Metadata::Object(o) => objects.push(o.name),
                Metadata::Method(m) => methods.push(m),
                _ => {}
            }
        }
        // A provider client is an object with a blocking twin (`Bootpay` + `BootpayBlocking`); its async
        // methods are the operations (the twin has the same ones, blocking).
        let mut clients = Vec::new();
        for object in &objects {
            if !objects.contains(&format!("{object}Blocking")) {
                continue;
            }
            let mut ops: Vec<MethodMetadata> = methods
                .iter()
                .filter(|m| &m.self_name == object && m.is_async)
                .cloned()
                .collect();
            ops.sort_by(|a, b| a.name.cmp(&b.name));
            clients.push(Client {
                provider: object.to_lowercase(),
                object: object.clone(),
                ops,
            });
        }
        clients.sort_by(|a, b| a.provider.cmp(&b.provider));
        if clients.is_empty() {
            return Err(format!(
                "{library} exports no client object (an object with a `…Blocking` twin)"
            ));
        }
        Ok(Self {
            records,
            enums,
            clients,
        })
    }

    /// The record named `name`.
    pub fn record(&self, name: &str) -> Result<&RecordMetadata, String> {
        self.records
            .get(name)
            .ok_or_else(|| format!("record {name} is used but not in the metadata"))
    }
}

/// The record or enum a type names, through `Option` and sequences.
pub fn named(ty: &Type) -> Option<&str> {
    match ty {
        Type::Optional { inner_type } | Type::Sequence { inner_type } => named(inner_type),
        Type::Record { name, .. } | Type::Enum { name, .. } => Some(name),
        _ => None,
    }
}
