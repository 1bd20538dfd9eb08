/** Deterministic data sets: the same seed and options give the same files. */
package dev.conference.seed.generate;
