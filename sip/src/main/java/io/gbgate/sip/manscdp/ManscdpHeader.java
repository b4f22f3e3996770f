package io.gbgate.sip.manscdp;

/** The elements every MANSCDP body has, read before the CmdType-specific mapper runs. */
record ManscdpHeader(ManscdpKind kind, String cmdType, long sn, String deviceId) {
}
