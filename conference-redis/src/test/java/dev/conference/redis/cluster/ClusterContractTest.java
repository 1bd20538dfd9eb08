package dev.conference.redis.cluster;

import dev.conference.port.ConferenceStore;
import dev.conference.redis.RedisConferenceStore;
import dev.conference.redis.RedisOptions;
import dev.conference.testing.AgreementContract;
import dev.conference.testing.AsyncConferenceContract;
import dev.conference.testing.ConferenceContract;
import dev.conference.testing.DirectoryContract;
import dev.conference.testing.LifecycleContract;
import dev.conference.testing.LiveEventsContract;
import dev.conference.testing.NullArgumentsContract;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every contract suite, run on a three-master Redis Cluster. */
class ClusterContractTest {
    @RegisterExtension
    static final LocalClusterExtension CLUSTER = new LocalClusterExtension();

    static ConferenceStore open(Clock clock) {
        return RedisConferenceStore.create(
                CLUSTER.client(), RedisOptions.builder().clock(clock).build());
    }

    @org.junit.jupiter.api.Test
    void connectFindsTheClusterFromAnyNode() {
        try (ConferenceStore store =
                RedisConferenceStore.connect(RedisURI.create(CLUSTER.uri()), RedisOptions.defaults())) {
            store.directory().saveUser(dev.conference.testing.Fixtures.aUser("ann"));
            org.assertj.core.api.Assertions.assertThat(store.directory().users(dev.conference.model.Page.first(10)))
                    .hasSize(1);
        }
    }

    /**
     * The first batch of a fresh store goes to nodes whose connections are still opening: each must
     * still be sent (Lettuce writes such a command after the flush, and it would wait forever).
     */
    @org.junit.jupiter.api.Test
    void theFirstBatchOfAFreshStoreReachesEveryNode() {
        for (int round = 0; round < 10; round++) {
            try (ConferenceStore store = open(java.time.Clock.systemUTC())) {
                java.util.List<dev.conference.model.User> users = new java.util.ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    users.add(dev.conference.testing.Fixtures.aUser("round " + round + " user " + i));
                }
                store.directory().saveUsers(users);
            }
        }
        try (ConferenceStore store = open(java.time.Clock.systemUTC())) {
            org.assertj.core.api.Assertions.assertThat(store.directory().users(dev.conference.model.Page.first(1_000)))
                    .hasSize(300);
        }
    }

    @Nested
    class Directory extends DirectoryContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class Conference extends ConferenceContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class AsyncConference extends AsyncConferenceContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class Agreement extends AgreementContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class NullArguments extends NullArgumentsContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }

    @Nested
    class LiveEvents extends LiveEventsContract {
        @Override
        protected ConferenceStore open(Clock clock) {
            return ClusterContractTest.open(clock);
        }
    }
}
