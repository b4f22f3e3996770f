package io.gbgate.gateway.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console: static pages under {@code /console/} (from {@code static/console}), hls.js from its
 * WebJar under {@code /webjars/}. Both are public; the console sends the API token the operator typed
 * with every {@code /api} call, and media URLs carry their signed tokens.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfiguration implements WebMvcConfigurer {
    /** Where the console lives. */
    public static final String PATH = "/console/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", PATH);
        registry.addRedirectViewController("/console", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }
}
