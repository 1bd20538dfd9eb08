package dev.conference.redis;

/** Every Lua script the adapter runs, loaded once per JVM. */
final class Scripts {
    static final LuaScript JOIN = LuaScript.meeting("join").flat();
    static final LuaScript LEAVE = LuaScript.meeting("leave").flat();
    static final LuaScript RENEW = LuaScript.meeting("renew").flat();
    static final LuaScript POST = LuaScript.meeting("post").flat();
    static final LuaScript END_ACTIVE = LuaScript.meeting("end-active").flat();
    static final LuaScript END_DUE = LuaScript.meeting("end-due");
    static final LuaScript START_DUE = LuaScript.meeting("start-due");
    static final LuaScript EXPIRE_LEASE = LuaScript.meeting("expire-lease");
    static final LuaScript REMOVE = LuaScript.meeting("remove").flat();
    static final LuaScript UPDATE = LuaScript.meeting("update").flat();
    static final LuaScript PARTICIPANTS = LuaScript.meeting("participants");
    static final LuaScript PARTICIPANT_COUNT = LuaScript.meeting("participant-count");
    static final LuaScript READ_LATEST = LuaScript.meeting("read-latest");
    static final LuaScript READ_INSTANCE = LuaScript.meeting("read-instance");
    static final LuaScript MESSAGES = LuaScript.meeting("messages");
    static final LuaScript FOLLOW = LuaScript.meeting("follow");
    static final LuaScript NOTE_JOINED = LuaScript.plain("note-joined").flat();
    static final LuaScript FORGET_USER = LuaScript.plain("forget-user");
    static final LuaScript ERASE = LuaScript.meeting("erase");
    static final LuaScript SAVE_USER = LuaScript.plain("save-user");
    static final LuaScript SAVE_MEETING = LuaScript.plain("save-meeting");
    static final LuaScript SAVE_INSTANCE = LuaScript.meeting("save-instance");
    static final LuaScript INSTANCES = LuaScript.plain("instances");
    static final LuaScript DELETE_INSTANCE = LuaScript.meeting("delete-instance");
    static final LuaScript INDEX_INSTANCE = LuaScript.plain("index-instance");
    static final LuaScript UNINDEX_INSTANCE = LuaScript.plain("unindex-instance");
    static final LuaScript PROMOTE = LuaScript.index("promote");
    static final LuaScript ACTIVE = LuaScript.index("active");
    static final LuaScript CLAIM_ENDS = LuaScript.index("claim-ends");
    static final LuaScript CLAIM = LuaScript.index("claim");
    static final LuaScript RELEASE = LuaScript.plain("release");
    static final LuaScript OPEN_INSTANCES = LuaScript.meeting("open-instances");
    static final LuaScript REINDEX_INSTANCE = LuaScript.plain("reindex-instance");
    static final LuaScript INSTANCE_STATE = LuaScript.plain("instance-state");
    static final LuaScript PLACE = LuaScript.timed("place").flat();
    static final LuaScript NOTE_IMPORTED = LuaScript.plain("note-imported").flat();
    static final LuaScript IMPORT = LuaScript.meeting("import").flat();
    static final LuaScript MARK_PENDING = LuaScript.timed("mark-pending");
    static final LuaScript SETTLE_LISTING = LuaScript.listing("settle-listing");
    static final LuaScript LISTING_PAGE = LuaScript.listing("listing-page");
    static final LuaScript ADOPT_LISTING = LuaScript.plain("adopt-listing");

    private Scripts() {}
}
