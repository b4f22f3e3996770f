package io.gbgate.storage.event;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Cameras near a location: channels of the catalog whose reported longitude/latitude lies within a radius. The
 * database narrows the search to a bounding box; the haversine distance decides.
 */
public final class ChannelPositions {

    /** Mean Earth radius used by the haversine formula. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Largest radius accepted. */
    public static final double MAX_RADIUS_METERS = 100_000;

    private final NamedParameterJdbcTemplate jdbc;

    public ChannelPositions(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Channels within {@code radiusMeters} of the point, nearest first.
     *
     * @throws IllegalArgumentException for coordinates out of range or a radius outside 0..{@link #MAX_RADIUS_METERS}
     */
    public List<ChannelPosition> nearby(double longitude, double latitude, double radiusMeters) {
        if (!(longitude >= -180 && longitude <= 180) || !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("position out of range: lon " + longitude + ", lat " + latitude);
        }
        if (!(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_METERS)) {
            throw new IllegalArgumentException("radius must be more than 0 and at most " + (long) MAX_RADIUS_METERS
                    + " m: " + radiusMeters);
        }
        double latDelta = Math.toDegrees(radiusMeters / EARTH_RADIUS_METERS);
        double cosLat = Math.cos(Math.toRadians(latitude));
        // near the poles (or across the antimeridian) the box widens to every longitude
        double lonDelta = cosLat < 1e-6 ? 360 : Math.min(360, latDelta / cosLat);
        MapSqlParameterSource box = new MapSqlParameterSource()
                .addValue("minLat", latitude - latDelta).addValue("maxLat", latitude + latDelta)
                .addValue("minLon", longitude - lonDelta).addValue("maxLon", longitude + lonDelta);
        boolean wraps = longitude - lonDelta < -180 || longitude + lonDelta > 180;
        String lonFilter = wraps ? "" : " AND longitude BETWEEN :minLon AND :maxLon";
        return jdbc.query("SELECT device_id, channel_id, name, online, longitude, latitude FROM channels"
                        + " WHERE longitude IS NOT NULL AND latitude IS NOT NULL"
                        + " AND latitude BETWEEN :minLat AND :maxLat" + lonFilter, box,
                (rs, n) -> {
                    double lon = rs.getDouble("longitude");
                    double lat = rs.getDouble("latitude");
                    return new ChannelPosition(rs.getString("device_id"), rs.getString("channel_id"),
                            rs.getString("name"), rs.getBoolean("online"), lon, lat,
                            haversineMeters(longitude, latitude, lon, lat));
                }).stream()
                .filter(p -> p.distanceMeters() <= radiusMeters)
                .sorted(Comparator.comparingDouble(ChannelPosition::distanceMeters)
                        .thenComparing(ChannelPosition::channelId))
                .toList();
    }

    /** Great-circle distance between two WGS-84 points in meters (haversine formula, spherical Earth). */
    public static double haversineMeters(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
