package dev.ferry.heroku.testing;

/**
 * Runs the fake Heroku API on its own, to try ferry by hand in a real terminal:
 * {@code HEROKU_API_URL=<printed url> HEROKU_DATA_API_URL=<same> ./ferry init}. Serves the tutorial's two apps.
 * Accepts the printed token (type it at ferry's hidden prompt, or set HEROKU_API_KEY). Stops on Ctrl-C.
 */
public final class FakeHerokuMain {

    private FakeHerokuMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeHerokuApi fake = FakeHerokuApi.start().withApp("vast-badlands-staging").withApp("vast-badlands-production");
        System.out.println("url=" + fake.url());
        System.out.println("token=" + fake.token());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
