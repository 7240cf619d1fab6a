// swift-tools-version:6.0
// A Swift server app as a user writes it: depends on paywire's package (here by path; by URL and version in
// real life) and links the libpaywire_ffi that `make install` put where pkg-config finds it.
// Run by scripts/dist/check-swift.sh (make check-dist) where a Swift toolchain exists.

import PackageDescription

let package = Package(
    name: "PaywireSmoke",
    platforms: [.macOS(.v12)],
    dependencies: [
        .package(name: "Paywire", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "Smoke",
            dependencies: [.product(name: "Paywire", package: "Paywire")],
            path: "Sources/Smoke"
        ),
    ],
    swiftLanguageModes: [.v6]
)
