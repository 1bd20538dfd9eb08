/** The original tool's JSON files: their records, and reading and writing them as streams. */
package dev.conference.seed.format;
