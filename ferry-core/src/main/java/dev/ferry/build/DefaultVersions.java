package dev.ferry.build;

/**
 * The versions ferry builds with when an app declares none. Chosen to match what Heroku's buildpacks pick for a new
 * app today (current LTS or current stable), so an app that never pinned a version keeps behaving as on Heroku.
 */
final class DefaultVersions {

    static final String NODE = "22";
    static final String PYTHON = "3.13";
    static final String RUBY = "3.3";
    static final String JAVA = "21";
    static final String GO = "1.24";
    static final String PHP = "8.3";
    static final String SBT = "1.10.7";

    private DefaultVersions() {
    }
}
