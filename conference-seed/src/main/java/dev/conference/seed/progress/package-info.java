/** How a long load shows its progress: a bar on a terminal, lines otherwise. */
package dev.conference.seed.progress;
