package dev.ferry.heroku;

/**
 * What the Heroku data API says of one database add-on that the migration needs: the engine version and, for
 * Postgres, the database's name. Either may be null. Never the credentials the same record carries.
 */
record DataApiFacts(String version, String databaseName) {

    static final DataApiFacts NONE = new DataApiFacts(null, null);
}
