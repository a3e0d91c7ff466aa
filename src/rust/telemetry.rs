// telemetry.rs: a small sensor-telemetry program that panics on purpose (a wasmcore sample).
//
// Built for wasm32-wasi with Debian's rustc. calibrate() divides by a sensor's scale taken
// from a slice; one sensor has scale 0, so Rust panics ("attempt to divide by zero"), and the
// panic ends in an `unreachable` trap (wasm32-wasi aborts on panic). The call chain at the
// panic is main -> process_batch -> summarize -> calibrate.
//
// Alive at the trap: structs, a tuple, an enum with data (tagged: Reading), an
// Option<Box<Sensor>> (niche-encoded: None is a null pointer), &str, String, Vec<T>, a
// slice, a Box, a fixed array. src/out/expected lists the values.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Celsius,
    Pascal,
    Percent,
}

#[derive(Debug)]
pub enum Reading {
    Missing,
    Scalar(i32),
    Pair { low: i16, high: i16 },
    Labelled(&'static str, f64),
}

#[derive(Debug)]
pub struct Sensor {
    pub id: u32,
    pub name: String,
    pub unit: Unit,
    pub scale: i32,
    pub backup: Option<Box<Sensor>>,
}

pub struct Batch<'a> {
    pub site: &'a str,
    pub sensors: Vec<Sensor>,
    pub readings: Vec<Reading>,
    pub window: (u16, u16),
}

#[inline(never)]
fn calibrate(raw: &[i32], scales: &[i32], index: usize) -> i32 {
    let value = raw[index];
    let scale = scales[index];
    value / scale                                 // panics: attempt to divide by zero
}

#[inline(never)]
fn summarize(batch: &Batch, raw: &[i32]) -> i64 {
    let scales: Vec<i32> = batch.sensors.iter().map(|s| s.scale).collect();
    let mut total: i64 = 0;
    for i in 0..raw.len() {
        total += calibrate(raw, &scales, i) as i64;
    }
    total
}

#[inline(never)]
fn process_batch(batch: &Batch, boxed: Box<[i32; 4]>) -> i64 {
    let label = format!("{}#{}", batch.site, batch.sensors.len());
    let window = batch.window;
    let raw: &[i32] = &boxed[..3];
    let sum = summarize(batch, raw);
    sum + label.len() as i64 + window.0 as i64
}

fn main() {
    let spare = Sensor { id: 90, name: String::from("spare thermometer"), unit: Unit::Celsius, scale: 1, backup: None };
    let sensors = vec![
        Sensor { id: 7, name: String::from("boiler"), unit: Unit::Celsius, scale: 2, backup: Some(Box::new(spare)) },
        Sensor { id: 8, name: String::from("intake pressure"), unit: Unit::Pascal, scale: 4, backup: None },
        Sensor { id: 9, name: String::from("humidity"), unit: Unit::Percent, scale: 0, backup: None },
    ];
    let readings = vec![
        Reading::Scalar(-40),
        Reading::Pair { low: -3, high: 250 },
        Reading::Labelled("peak", 101.25),
        Reading::Missing,
    ];
    let batch = Batch { site: "harbour-3", sensors, readings, window: (600, 660) };
    let boxed = Box::new([84, 1000, 55, 9]);
    let greeting: &str = "telemetry v2";
    let total = process_batch(&batch, boxed);
    println!("{} {} {:?}", greeting, total, batch.readings[0]);
}
