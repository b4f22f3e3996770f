package io.gbgate.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fan-out of the FLV stream of the real D1 camera (GOP of 25 frames) to early, late, slow and async viewers. */
@ExtendWith(NettyLeakGuard.class)
class FlvSinkTest {
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @Test
    void earlyAndLateSubscribersEachStartAtAKeyframeAndDecode() throws Exception {
        CameraUnits camera = CameraUnits.videoWithAudio();
        try (FlvSink sink = new FlvSink(FlvSinkSettings.defaults(), alloc)) {
            CollectingSubscriber early = CollectingSubscriber.immediate();
            sink.subscribe(early);
            camera.play(0, 60, alloc, sink::onAccessUnit);
            // joins mid-GOP: gets the cached GOP from the keyframe at frame 50
            CollectingSubscriber late = CollectingSubscriber.immediate();
            FlvSubscription lateSubscription = sink.subscribe(late);
            assertThat(lateSubscription.bytesDelivered()).as("cached GOP delivered at once").isPositive();
            camera.play(60, 150, alloc, sink::onAccessUnit);
            sink.onStreamClosed("camera unregistered");

            assertThat(early.closeReasons()).containsExactly("camera unregistered");
            assertThat(late.closeReasons()).containsExactly("camera unregistered");
            FlvDecoding fromStart = FlvDecoding.of(early.bytes());
            assertThat(fromStart.videoFrames()).isEqualTo(150);
            assertThat(fromStart.audioCodec()).isEqualTo("pcm_alaw");
            FlvDecoding fromCache = FlvDecoding.of(late.bytes());
            assertThat(fromCache.videoFrames()).isEqualTo(100);
            assertThat(fromCache.firstIsKeyframe()).isTrue();
            assertThat(fromCache.width()).isEqualTo(704);
            assertThat(fromCache.height()).isEqualTo(576);
            assertThat(fromCache.videoTimesIncrease()).isTrue();
            assertThat(fromCache.audioCodec()).isEqualTo("pcm_alaw");

            FlvFile lateFile = FlvFile.parse(late.bytes());
            assertThat(lateFile.flags()).as("the head announces the audio seen").isEqualTo(0x05);
            assertThat(lateFile.video().get(1).isAvcKeyframe()).isTrue();
            assertThat(lateFile.video().get(1).timestamp()).as("stream time of frame 50").isEqualTo(2000);
        }
    }

    @Test
    void withoutACachedGopALateSubscriberWaitsForTheNextKeyframe() throws Exception {
        CameraUnits camera = CameraUnits.video();
        FlvSinkSettings noCache = FlvSinkSettings.defaults().withMaxCachedGopBytes(0);
        try (FlvSink sink = new FlvSink(noCache, alloc)) {
            camera.play(0, 60, alloc, sink::onAccessUnit);
            CollectingSubscriber late = CollectingSubscriber.immediate();
            FlvSubscription subscription = sink.subscribe(late);
            camera.play(60, 74, alloc, sink::onAccessUnit);
            assertThat(subscription.bytesDelivered()).as("nothing before the keyframe at 75").isZero();
            camera.play(74, 125, alloc, sink::onAccessUnit);
            sink.close();

            FlvFile file = FlvFile.parse(late.bytes());
            assertThat(file.video().get(1).isAvcKeyframe()).isTrue();
            assertThat(file.video().get(1).timestamp()).isEqualTo(75 * 40);
            FlvDecoding decoded = FlvDecoding.of(late.bytes());
            assertThat(decoded.videoFrames()).isEqualTo(50);
            assertThat(decoded.firstIsKeyframe()).isTrue();
        }
    }

    @Test
    void aStalledSubscriberIsDroppedWhileTheOthersKeepGoing() throws Exception {
        CameraUnits camera = CameraUnits.video();
        FlvSinkSettings smallQueue = FlvSinkSettings.defaults().withMaxQueuedBytesPerSubscriber(200_000)
                .withMaxCachedGopBytes(150_000);
        try (FlvSink sink = new FlvSink(smallQueue, alloc)) {
            CollectingSubscriber stalled = CollectingSubscriber.stalled();
            FlvSubscription stalledSubscription = sink.subscribe(stalled);
            CollectingSubscriber healthy = CollectingSubscriber.immediate();
            sink.subscribe(healthy);
            camera.play(0, 100, alloc, sink::onAccessUnit);

            assertThat(stalled.closeReasons()).containsExactly(FlvSink.TOO_SLOW);
            assertThat(stalledSubscription.isClosed()).isTrue();
            assertThat(stalledSubscription.queuedBytes()).as("its queue was released").isZero();
            assertThat(stalledSubscription.poll()).isNull();
            FlvSinkStats stats = sink.stats();
            assertThat(stats.subscribersDropped()).isEqualTo(1);
            assertThat(stats.subscribers()).isEqualTo(1);
            assertThat(stats.unitsMuxed()).isEqualTo(100);
            sink.close();
            assertThat(FlvDecoding.of(healthy.bytes()).videoFrames()).isEqualTo(100);
        }
    }

    @Test
    void aSubscriberDrainingOnItsOwnThreadGetsTheWholeStream() throws Exception {
        CameraUnits camera = CameraUnits.video();
        ExecutorService transport = Executors.newSingleThreadExecutor();
        try (FlvSink sink = new FlvSink(FlvSinkSettings.defaults(), alloc)) {
            CollectingSubscriber async = CollectingSubscriber.on(transport);
            sink.subscribe(async);
            camera.play(0, 100, alloc, sink::onAccessUnit);
            sink.onStreamClosed("stream stopped"); // what the transport has not taken yet is still delivered
            assertThat(async.closed().get(30, TimeUnit.SECONDS)).isEqualTo("stream stopped");
            FlvDecoding decoded = FlvDecoding.of(async.bytes());
            assertThat(decoded.videoFrames()).isEqualTo(100);
            assertThat(decoded.videoTimesIncrease()).isTrue();
        } finally {
            transport.shutdown();
            assertThat(transport.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void whatIsQueuedAtTheStreamsEndIsStillDeliveredOrReleasedOnCancel() throws Exception {
        CameraUnits camera = CameraUnits.video();
        try (FlvSink sink = new FlvSink(FlvSinkSettings.defaults(), alloc)) {
            CollectingSubscriber late = CollectingSubscriber.stalled();
            FlvSubscription lateSubscription = sink.subscribe(late);
            CollectingSubscriber leaving = CollectingSubscriber.stalled();
            FlvSubscription leavingSubscription = sink.subscribe(leaving);
            camera.play(0, 40, alloc, sink::onAccessUnit);
            sink.onStreamClosed("end of recording");

            assertThat(late.closeReasons()).containsExactly("end of recording");
            assertThat(lateSubscription.isClosed()).isTrue();
            assertThat(lateSubscription.queuedBytes()).as("kept for the subscriber").isPositive();
            late.drainNow(lateSubscription);
            assertThat(lateSubscription.queuedBytes()).isZero();
            assertThat(FlvDecoding.of(late.bytes()).videoFrames()).isEqualTo(40);

            assertThat(leavingSubscription.queuedBytes()).isPositive();
            leavingSubscription.cancel(); // the viewer went away instead of draining
            assertThat(leavingSubscription.queuedBytes()).isZero();
            assertThat(leavingSubscription.poll()).isNull();
            assertThat(leaving.closeReasons()).containsExactly("end of recording");
        }
    }

    @Test
    void cancelledAndPostCloseSubscriptionsAreToldOnce() throws Exception {
        CameraUnits camera = CameraUnits.video();
        FlvSink sink = new FlvSink(FlvSinkSettings.defaults(), alloc);
        CollectingSubscriber leaving = CollectingSubscriber.stalled();
        FlvSubscription subscription = sink.subscribe(leaving);
        camera.play(0, 30, alloc, sink::onAccessUnit);
        assertThat(subscription.queuedBytes()).isPositive();
        subscription.cancel();
        subscription.cancel();
        assertThat(subscription.queuedBytes()).isZero();
        camera.play(30, 31, alloc, sink::onAccessUnit);
        assertThat(sink.stats().subscribers()).isZero();
        sink.onStreamClosed("camera offline");
        assertThat(leaving.closeReasons()).containsExactly("cancelled by the subscriber");

        CollectingSubscriber tooLate = CollectingSubscriber.immediate();
        sink.subscribe(tooLate);
        assertThat(tooLate.closeReasons()).isEqualTo(List.of("camera offline"));
        assertThat(tooLate.bytes()).isEmpty();
    }
}
