package io.gbgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class SipEndpointTest {

    private static final SipListener IGNORING = new SipListener() {
        @Override public void processRequest(RequestEvent e) { }
        @Override public void processResponse(ResponseEvent e) { }
        @Override public void processTimeout(TimeoutEvent e) { }
        @Override public void processIOException(IOExceptionEvent e) { }
        @Override public void processTransactionTerminated(TransactionTerminatedEvent e) { }
        @Override public void processDialogTerminated(DialogTerminatedEvent e) { }
    };

    @Test
    void severalStacksPerJvmOnUdpAndTcpWithoutLog4jAndWithoutLeakedThreads() throws Exception {
        ThreadLeakCheck threads = ThreadLeakCheck.snapshot();
        try (SipEndpoint a = SipEndpoint.open(SipEndpointConfig.udpAndTcp("test", "127.0.0.1", 0), IGNORING);
             SipEndpoint b = SipEndpoint.open(SipEndpointConfig.udpAndTcp("test", "127.0.0.1", 0), IGNORING)) {
            assertThat(a.stackName()).isNotEqualTo(b.stackName());
            assertThat(a.port()).isPositive().isNotEqualTo(b.port());
            assertThat(a.supports(SipTransport.UDP)).isTrue();
            assertThat(a.supports(SipTransport.TCP)).isTrue();
            assertThat(a.provider().getListeningPoint("udp").getPort()).isEqualTo(a.port());
            assertThat(a.provider().getListeningPoint("tcp").getPort()).isEqualTo(a.port());
        }
        assertThatThrownBy(() -> Class.forName("org.apache.log4j.Logger")).isInstanceOf(ClassNotFoundException.class);
        threads.assertNoNewNonDaemonThreads();
    }

    @Test
    void buildsRequestsFromTypedValues() throws Exception {
        try (SipEndpoint a = SipEndpoint.open(SipEndpointConfig.udpAndTcp("test", "127.0.0.1", 0), IGNORING)) {
            SipMessages m = a.messages();
            Request request = m.request(Request.REGISTER, m.sipUri(null, "127.0.0.1", 5060, null))
                    .from(m.address(m.sipUri("34020000001320000001", "3402000000", 0, null)), SipMessages.newTag())
                    .to(m.address(m.sipUri("34020000001320000001", "3402000000", 0, null)))
                    .callId(m.newCallId()).cseq(7).via("127.0.0.1", a.port(), SipTransport.TCP).expires(3600)
                    .build();
            assertThat(request.getMethod()).isEqualTo("REGISTER");
            assertThat(request.toString()).contains("CSeq: 7 REGISTER", "Expires: 3600", "SIP/2.0/TCP 127.0.0.1", "rport");
            assertThat(m.refusal(request, 400, "bad MANSCDP body", "127.0.0.1").toString())
                    .contains("SIP/2.0 400 bad MANSCDP body", "Warning: 399 127.0.0.1 \"bad MANSCDP body\"");
        }
    }
}
