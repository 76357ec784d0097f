// The example framework is embedded with include_dir!, which cargo does not
// track: rebuild when any of its files changes.
fn main() {
    println!("cargo:rerun-if-changed=example");
    println!("cargo:rerun-if-changed=templates");
}
