package dev.conference.redis;

/**
 * The text of a library script as it is loaded on the server (the shared definitions it uses, then
 * its own), for tools that run the library's scripts directly: the bench's raw baseline fires
 * exactly these, under the same SHA.
 */
public final class ScriptSource {
    private ScriptSource() {}

    /** A meeting script by name, as in {@code lua/join.lua}: "join". */
    public static String meeting(String name) {
        return LuaScript.meeting(name).source();
    }

    /** A script over the cross-meeting index by name: "promote". */
    public static String index(String name) {
        return LuaScript.index(name).source();
    }
}
