package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.sip.device.DeviceAnswerMode;
import io.gbgate.sip.manscdp.RecordItem;
import io.gbgate.sip.manscdp.RecordType;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.stack.SipTransport;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RecordInfo answers split over several MESSAGEs: aggregation by SN, time order, partial answers. */
class RecordInfoTest {

    private static final String CHANNEL = "34020000001310000001";
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 20, 0, 0);

    private Loopback loop;

    @AfterEach
    void close() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    /** Six one-hour recordings from 08:00 on {@link #CHANNEL}, plus one on another channel. */
    private static List<RecordItem> recordings() {
        List<RecordItem> items = new java.util.ArrayList<>(IntStream.range(0, 6)
                .mapToObj(i -> item(CHANNEL, DAY.plusHours(8 + i), DAY.plusHours(9 + i)))
                .toList());
        items.add(item("34020000001310000002", DAY.plusHours(8), DAY.plusHours(9)));
        return items;
    }

    private static RecordItem item(String channel, LocalDateTime start, LocalDateTime end) {
        return new RecordItem(channel, "Camera", "/rec/" + start.getHour() + ".mp4", "Lab", start, end, 0,
                RecordType.TIME, null, 1024L);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void recordsFragmentedOverThreeMessagesAreAggregatedAndTimeOrdered(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        loop.device.state().records(recordings(), 2);

        RecordList list = loop.commands().queryRecords(DEVICE_ID, CHANNEL, DAY, DAY.plusDays(1))
                .get(15, TimeUnit.SECONDS);

        assertThat(list.partial()).isFalse();
        assertThat(list.sumNum()).isEqualTo(6);
        assertThat(list.channelId()).isEqualTo(CHANNEL);
        assertThat(list.items()).hasSize(6).extracting(RecordItem::startTime)
                .containsExactlyElementsOf(IntStream.range(0, 6).mapToObj(i -> DAY.plusHours(8 + i)).toList());
        assertThat(list.items()).extracting(RecordItem::deviceId).containsOnly(CHANNEL);
    }

    @Test
    void onlyRecordingsOverlappingTheWindowAreReported() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);
        loop.device.state().records(recordings(), 2);

        RecordList list = loop.commands().queryRecords(DEVICE_ID, CHANNEL, DAY.plusHours(9).plusMinutes(30),
                DAY.plusHours(11)).get(15, TimeUnit.SECONDS);

        assertThat(list.items()).extracting(RecordItem::startTime)
                .containsExactly(DAY.plusHours(9), DAY.plusHours(10));
        assertThat(list.partial()).isFalse();
    }

    @Test
    void noRecordingsIsAnEmptyCompleteAnswer() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);

        RecordList list = loop.commands().queryRecords(DEVICE_ID, CHANNEL, DAY, DAY.plusDays(1))
                .get(15, TimeUnit.SECONDS);

        assertThat(list.items()).isEmpty();
        assertThat(list.sumNum()).isZero();
        assertThat(list.partial()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void answerCutShortIsReturnedFlaggedPartialAfterTheTimeout(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        loop.device.state().records(recordings(), 4);
        loop.device.state().answerMode(DeviceAnswerMode.INCOMPLETE);

        RecordList list = loop.commands().queryRecords(DEVICE_ID, CHANNEL, DAY, DAY.plusDays(1))
                .get(15, TimeUnit.SECONDS);

        assertThat(list.partial()).isTrue();
        assertThat(list.sumNum()).isEqualTo(6);
        assertThat(list.items()).as("the first page: the four latest, in time order").extracting(RecordItem::startTime)
                .containsExactly(DAY.plusHours(10), DAY.plusHours(11), DAY.plusHours(12), DAY.plusHours(13));
    }

    @Test
    void noAnswerAtAllFailsWithNoAnswer() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);
        loop.device.state().records(recordings(), 2);
        loop.device.state().answerMode(DeviceAnswerMode.SILENT);

        DeviceCommandsTest.assertFails(() -> loop.commands().queryRecords(DEVICE_ID, CHANNEL, DAY, DAY.plusDays(1))
                .get(15, TimeUnit.SECONDS), Failure.NO_ANSWER);
    }
}
