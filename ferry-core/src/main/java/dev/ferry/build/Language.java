package dev.ferry.build;

/** The languages ferry can build without a Dockerfile, named as Heroku's buildpacks name them. */
public enum Language {
    RUBY("ruby"),
    NODE("nodejs"),
    PYTHON("python"),
    JAVA("java"),
    SCALA("scala"),
    GO("go"),
    PHP("php"),
    STATIC("static");

    private final String id;

    Language(String id) {
        this.id = id;
    }

    /** The lower-case name used in plans, findings and golden files. */
    public String id() {
        return id;
    }
}
