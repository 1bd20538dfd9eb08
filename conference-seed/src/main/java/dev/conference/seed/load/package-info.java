/** Loading: a validating first pass over the files, then the import through the ports in batches. */
package dev.conference.seed.load;
