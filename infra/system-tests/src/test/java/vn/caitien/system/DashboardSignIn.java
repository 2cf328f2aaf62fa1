package vn.caitien.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.caitien.infra.process.ServiceProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs the browser in through the identity server's own login form, as a user would: a dashboard
 * page sends the browser there (authorization code + PKCE) and it comes back signed in.
 */
record DashboardSignIn(WebDriver driver, WebDriverWait ui, ServiceProcess identity, ServiceProcess monitoring) {

    /** Signs out whoever was signed in, then in as {@code username}, arriving on {@code page}. */
    void as(String username, String page) {
        // A static file of the dashboard's origin, which starts no sign-in of its own.
        driver.get(monitoring.uri("/css/app.css").toString());
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        // Cookies are per host, not per port: this also ends the session at the identity server.
        driver.manage().deleteAllCookies();
        driver.get(monitoring.uri(page).toString());
        WebElement user = ui.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(identity.uri("/").toString());
        user.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        ui.until(ExpectedConditions.urlContains(monitoring.uri("/").toString()));
        ui.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user-name]")));
    }
}
