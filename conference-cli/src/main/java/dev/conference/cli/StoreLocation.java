package dev.conference.cli;

import java.nio.file.Path;

/** Where the CLI's store lives: a Redis the operator names, or the embedded one in a data directory. */
sealed interface StoreLocation {
    String REDIS_URL = "REDIS_URL";

    /** A Redis server given by URI; the URI may hold a password, so show it only through {@link Secrets}. */
    record Remote(String uri) implements StoreLocation {
        @Override
        public String toString() {
            return "Redis at " + Secrets.mask(uri);
        }
    }

    /** The embedded Redis that keeps its data in {@code dataDir}. */
    record Embedded(Path dataDir) implements StoreLocation {
        @Override
        public String toString() {
            return "the embedded Redis in " + dataDir;
        }
    }

    /**
     * Explicit options win over the environment: {@code --redis}, then {@code --data-dir}, then
     * {@code REDIS_URL}, then the embedded store under the home directory.
     *
     * @param redisOption   {@code --redis}, or null
     * @param dataDirOption {@code --data-dir}, or null
     */
    static StoreLocation resolve(String redisOption, Path dataDirOption, CliEnvironment environment) {
        if (redisOption != null) {
            return new Remote(redisOption);
        }
        if (dataDirOption != null) {
            return new Embedded(dataDirOption.toAbsolutePath());
        }
        String fromEnvironment = environment.variable(REDIS_URL);
        if (fromEnvironment != null) {
            return new Remote(fromEnvironment);
        }
        return new Embedded(defaultDataDir(environment));
    }

    static Path defaultDataDir(CliEnvironment environment) {
        return environment.home().resolve(".conference").resolve("redis").toAbsolutePath();
    }
}
