package dev.ferry.data.heroku;

import java.net.URI;
import java.util.Objects;

/**
 * A finished Heroku Postgres backup and the address it can be downloaded from. The public URL is a secret (a signed
 * link that works for anyone who has it, for about an hour): {@link #toString} leaves it out, and it is never printed,
 * logged or stored.
 *
 * @param app the add-on's billing app, under which Heroku keeps the transfers
 * @param name Heroku's name for it, "b" and the number padded to three digits ({@code b005}), as
 *     {@code heroku pg:backups} shows it
 * @param database the attachment it was taken from ({@code DATABASE})
 * @param sourceBytes the database's size when the backup ran
 * @param dumpBytes the backup's (compressed) size
 */
public record HerokuBackup(String app, String name, int num, String database, long sourceBytes, long dumpBytes,
                           URI publicUrl) {

    public HerokuBackup {
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /** Heroku's backup name for a transfer number: b001, b042, b1234. */
    public static String nameOf(int num) {
        return "b" + String.format("%03d", num);
    }

    @Override
    public String toString() {
        return "HerokuBackup[" + app + " " + name + " of " + database + ", " + dumpBytes + " bytes]";
    }
}
