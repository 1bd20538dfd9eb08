package dev.conference.bench;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;

/**
 * The server's own CPU time, from INFO cpu: its main thread's where the server reports it (Redis
 * 6.2+, where scripts and commands run), else the whole process's. A figure per operation taken from
 * it is what the server spent, whatever the client did meanwhile.
 */
final class ServerCpu {
    private final RedisCommands<String, String> admin;
    private final boolean mainThread;

    ServerCpu(RedisCommands<String, String> admin) {
        this.admin = admin;
        this.mainThread = fields().containsKey("used_cpu_user_main_thread");
    }

    /** Which counter it reads, for the note under the table. */
    String source() {
        return mainThread
                ? "INFO cpu used_cpu_user_main_thread + used_cpu_sys_main_thread"
                : "INFO cpu used_cpu_user + used_cpu_sys (this server reports no main-thread figure)";
    }

    /** CPU seconds used so far. */
    double seconds() {
        Map<String, String> cpu = fields();
        String suffix = mainThread ? "_main_thread" : "";
        return Double.parseDouble(cpu.get("used_cpu_user" + suffix))
                + Double.parseDouble(cpu.get("used_cpu_sys" + suffix));
    }

    private Map<String, String> fields() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : admin.info("cpu").split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return out;
    }
}
