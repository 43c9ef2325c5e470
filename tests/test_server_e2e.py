"""End to end: the service on 127.0.0.1, its admin UI driven in headless Chromium (Selenium + Debian's chromium)."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
selenium = pytest.importorskip("selenium")

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service as ChromeService
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from clearance.server.service import Service

PW = "correct horse battery"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    tmp = tmp_path_factory.mktemp("e2e")
    db = str(tmp / "team.db")
    svc = Service(db)
    svc.add_user("alice", PW, "admin")
    svc.add_user("bob", PW, "approver")
    token = svc.create_token("laptop-ana", "alice")
    svc.store.close()
    port = _free_port()
    env = dict(os.environ, HOME=str(tmp))
    proc = subprocess.Popen(
        [sys.executable, "-m", "clearance", "serve", "--db", db, "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server did not start")
    yield base, token
    proc.terminate()
    proc.wait(timeout=10)


def _hook(base: str, token: str, command: str) -> str:
    port = int(base.rsplit(":", 1)[1])
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    ev = {"hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": {"command": command}, "cwd": "/home/ana/webapp", "session_id": "e2e"}
    c.request("POST", "/v1/hook", body=json.dumps(ev), headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    return str(json.loads(c.getresponse().read())["hookSpecificOutput"]["permissionDecision"])


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chrome or not driver_path:
        pytest.skip("headless Chromium test skipped: Debian's chromium and chromium-driver are not installed")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chrome
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chrome')}",
    ):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=ChromeService(executable_path=driver_path), options=opts)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def _wait(driver: webdriver.Chrome) -> WebDriverWait:  # type: ignore[type-arg]
    # Pages reload after each form: an element found a moment ago may be gone. Chrome sometimes reports
    # that as a generic "Node with given id does not belong to the document" WebDriverException.
    return WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException, WebDriverException))


def _login(driver: webdriver.Chrome, base: str, user: str) -> None:
    driver.get(base + "/login")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(PW)
    driver.find_element(By.ID, "login").click()
    _wait(driver).until(lambda d: d.current_url.rstrip("/") == base and "Decisions" in d.page_source)


def _shot(driver: webdriver.Chrome, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"e2e-{name}.png"))


def test_trusted_bucket_is_proposed_approved_and_flips_the_decision(served: tuple[str, str], browser: webdriver.Chrome) -> None:
    base, token = served
    command = "aws s3 cp build.zip s3://acme-dev-artifacts/"
    assert _hook(base, token, command) == "deny"

    _login(browser, base, "alice")
    browser.get(base + "/policy")
    Select(browser.find_element(By.ID, "trust-kind")).select_by_visible_text("buckets")
    browser.find_element(By.ID, "trust-value").send_keys("s3://acme-dev-*")
    browser.find_element(By.ID, "trust-submit").click()
    _wait(browser).until(lambda d: "/changes/" in d.current_url)
    assert browser.find_element(By.ID, "status").text == "proposed"
    assert 'buckets = ["s3://acme-dev-*"]' in browser.find_element(By.ID, "diff").text
    _shot(browser, "1-proposed")
    # One person is not enough.
    browser.find_element(By.ID, "approve").click()
    _wait(browser).until(lambda d: "second person" in d.page_source)
    assert _hook(base, token, command) == "deny"
    change_url = browser.current_url.replace("/approve", "")

    browser.find_element(By.CSS_SELECTOR, "header form button").click()  # log out
    _wait(browser).until(lambda d: d.current_url.endswith("/login"))
    _login(browser, base, "bob")
    browser.get(change_url)
    browser.find_element(By.ID, "comment").send_keys("bucket checked with the platform team")  # an approval carries a comment
    browser.find_element(By.ID, "approve").click()
    _wait(browser).until(lambda d: d.find_element(By.ID, "status").text == "approved")
    _shot(browser, "2-approved")

    assert _hook(base, token, command) == "allow"
    assert _hook(base, token, "aws s3 cp build.zip s3://elsewhere/") == "deny"

    browser.get(base + "/?decision=allow")
    table = browser.find_element(By.ID, "decisions").text
    assert "s3://acme-dev-artifacts/" in table and "laptop-ana" in table
    _shot(browser, "3-dashboard")
    browser.get(base + "/history")
    history = browser.find_element(By.ID, "history").text
    assert "approve_policy" in history and "propose_policy" in history


def test_impact_is_shown_before_approval(served: tuple[str, str], browser: webdriver.Chrome) -> None:
    base, token = served
    assert _hook(base, token, "gsutil cp build.zip gs://acme-ci/") == "deny"
    _login(browser, base, "alice")
    browser.get(base + "/policy")
    Select(browser.find_element(By.ID, "trust-kind")).select_by_visible_text("buckets")
    browser.find_element(By.ID, "trust-value").send_keys("gs://acme-ci")
    browser.find_element(By.ID, "trust-submit").click()
    _wait(browser).until(lambda d: "/changes/" in d.current_url)
    summary = browser.find_element(By.ID, "impact-summary").text
    assert "would be decided differently" in summary and "deny" in summary
    assert "gs://acme-ci/" in browser.find_element(By.ID, "impact").text
    _shot(browser, "4-impact")
    browser.find_element(By.CSS_SELECTOR, "header form button").click()


@pytest.fixture(scope="module")
def served_sso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    mock = pytest.importorskip("oidc_provider_mock")
    users = [mock.User(sub="sub-ana", claims={"preferred_username": "ana", "groups": ["platform-admins"]})]
    with mock.run_server_in_thread(user_claims=users) as idp:
        tmp = tmp_path_factory.mktemp("sso")
        db = str(tmp / "team.db")
        svc = Service(db)
        svc.add_user("alice", PW, "admin")
        svc.store.close()
        port = _free_port()
        env = dict(
            os.environ,
            HOME=str(tmp),
            CLEARANCE_OIDC_ISSUER=f"http://localhost:{idp.server_port}",
            CLEARANCE_OIDC_CLIENT_ID="clearance",
            CLEARANCE_OIDC_CLIENT_SECRET="client-secret",
            CLEARANCE_OIDC_ROLES="platform-admins=admin",
        )
        proc = subprocess.Popen([sys.executable, "-m", "clearance", "serve", "--db", db, "--port", str(port)], env=env, stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            proc.kill()
            raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "server did not start")
        yield f"http://127.0.0.1:{port}"
        proc.terminate()
        proc.wait(timeout=10)


def test_single_sign_on_in_a_browser(served_sso: str, browser: webdriver.Chrome) -> None:
    base = served_sso
    browser.delete_all_cookies()
    browser.get(base + "/login")
    browser.find_element(By.ID, "sso").click()
    _wait(browser).until(lambda d: "localhost" in d.current_url and d.find_elements(By.NAME, "sub"))
    browser.find_element(By.NAME, "sub").send_keys("sub-ana")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    _wait(browser).until(lambda d: d.current_url.rstrip("/") == base and "Decisions" in d.page_source)
    assert "ana (admin)" in browser.find_element(By.CSS_SELECTOR, "header .who").text
    _shot(browser, "5-sso")
