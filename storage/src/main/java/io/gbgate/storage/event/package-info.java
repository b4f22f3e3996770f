/**
 * Governance events (identified by the governance platform's own IDs), the video evidence linked to them
 * (clips, snapshots, face-hit images, alarms) with each item's state, face-check hits, and the catalog positions
 * used to find cameras near a location. Repositories run on H2 2.x and PostgreSQL.
 * Also the events devices notify: alarms ({@link io.gbgate.storage.event.AlarmRepository}) and mobile
 * positions ({@link io.gbgate.storage.event.PositionRepository}).
 */
package io.gbgate.storage.event;
