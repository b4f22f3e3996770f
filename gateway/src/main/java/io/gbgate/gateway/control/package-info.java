/**
 * Device control over the REST API: channel controls ({@link io.gbgate.gateway.control.ChannelControlController}),
 * device queries and configuration ({@link io.gbgate.gateway.control.DeviceControlController}), target resolution
 * ({@link io.gbgate.gateway.control.DeviceTargets}) and the one mapping of device failures to HTTP statuses
 * ({@link io.gbgate.gateway.control.DeviceFailureHandler}).
 */
package io.gbgate.gateway.control;
