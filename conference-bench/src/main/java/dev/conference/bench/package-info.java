/**
 * The benchmark harness, run by hand: throughput, latency, memory and scheduler figures of the library
 * beside independent anchors (raw Redis commands, the original tool's layout). Nothing here is an API.
 */
package dev.conference.bench;
