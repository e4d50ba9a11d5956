package io.github.harborupload.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.harborupload.archive.ImageArchiveException;
import io.github.harborupload.archive.ImageArchiveException.Kind;
import io.github.harborupload.docker.EngineException;
import io.github.harborupload.docker.EngineUnreachableException;
import io.github.harborupload.docker.ImageNotFoundException;
import io.github.harborupload.docker.PushCancelledException;
import io.github.harborupload.docker.PushFailedException;
import io.github.harborupload.docker.PushPausedException;
import io.github.harborupload.docker.RegistryLoginException;
import io.github.harborupload.i18n.Language;
import io.github.harborupload.i18n.Text;
import io.github.harborupload.i18n.Translator;
import io.github.harborupload.push.PushProgress;
import io.github.harborupload.push.PushSnapshot;
import io.github.harborupload.testsupport.PushStreams;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemsTest {

    private static final Translator ENGLISH = new Translator(Language.ENGLISH);
    private static final Translator CHINESE = new Translator(Language.CHINESE);

    private static List<String> english(List<Text> texts) {
        return texts.stream().map(ENGLISH::text).toList();
    }

    /** As both faces name a failed engine push: the engine's text, with the retries the model counted. */
    private static Problem failedPush(PushSnapshot failed) {
        return Problems.of(new PushFailedException(failed.error()), ProblemContext.none().withRetries(failed.retries()));
    }

    private static PushSnapshot pushed(String stream) {
        PushProgress progress = new PushProgress();
        PushStreams.load(stream).forEach(progress::accept);
        return progress.snapshot();
    }

    @ParameterizedTest
    @CsvSource({
            "push-stream-error-wrong-password.jsonl, LOGIN_FAILED",
            "push-stream-error-no-credentials.jsonl, NOT_LOGGED_IN",
            "push-stream-error-denied.jsonl, PUSH_DENIED",
            "push-stream-error-denied-with-retries.jsonl, PUSH_DENIED",
            "push-stream-error-no-such-image.jsonl, IMAGE_NOT_FOUND",
            "push-stream-error-no-such-tag.jsonl, IMAGE_NOT_FOUND",
            "push-stream-error-registry-down.jsonl, REGISTRY_UNREACHABLE"})
    void eachCapturedFailedPushIsNamed(String stream, ProblemType expected) {
        PushSnapshot failed = pushed(stream);
        Problem problem = failedPush(failed);
        assertEquals(expected, problem.type());
        assertEquals(failed.error(), problem.detail(), "the engine's text, verbatim");
        assertEquals(Severity.ERROR, problem.severity());
    }

    @Test
    void aDenialAfterRetriesMentionsTheRetries() {
        Problem problem = failedPush(pushed("push-stream-error-denied-with-retries.jsonl"));
        assertEquals(ProblemType.PUSH_DENIED, problem.type());
        assertEquals(12, problem.context().retries());
        assertEquals("Docker retried the upload 12 times.", ENGLISH.text(problem.causes().get(0)));
        assertEquals("Docker 已重试上传 12 次。", CHINESE.text(problem.causes().get(0)));

        Problem withoutRetries = failedPush(pushed("push-stream-error-denied.jsonl"));
        assertTrue(english(withoutRetries.causes()).stream().noneMatch(cause -> cause.contains("retried")));
    }

    @Test
    void theFactsOfACapturedFailureComeFirst() {
        Problem missing = failedPush(pushed("push-stream-error-no-such-image.jsonl"));
        assertEquals("127.0.0.1:5000/demo/doesnotexist", missing.context().image());
        assertEquals("Docker has no local image 127.0.0.1:5000/demo/doesnotexist.", ENGLISH.text(missing.causes().get(0)));

        Problem down = failedPush(pushed("push-stream-error-registry-down.jsonl"));
        assertEquals("127.0.0.1:1", down.context().registry());
        assertEquals("Tried to reach 127.0.0.1:1.", ENGLISH.text(down.causes().get(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // Harbor (crater-harbor-api.md section 7)
            "denied: adding 29.0 MiB of storage resource, which when updated to current usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB. | QUOTA_EXCEEDED",
            "denied: subtracting 0 B of storage resource, which when updated to current usage of 10.0 GiB will exceed the configured upper limit of 10.0 GiB. | QUOTA_EXCEEDED",
            "denied: Quota exceeded when processing the request of adding 1.3 MiB of storage resource, which when updated to current usage of 99.5 MiB will exceed the configured upper limit of 100.0 MiB | QUOTA_EXCEEDED",
            "denied: project quota is full | QUOTA_EXCEEDED",
            "unauthorized: unauthorized to access repository: user-alice/repo, action: push: unauthorized to access repository: user-alice/repo, action: push | NO_PERMISSION",
            "Error response from daemon: Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": unauthorized: authentication required | LOGIN_FAILED",
            "Error response from daemon: login attempt to https://gpu-harbor.act.buaa.edu.cn/v2/ failed with status: 401 Unauthorized | LOGIN_FAILED",
            "unauthorized: incorrect username or password | LOGIN_FAILED",
            // Podman 4.3.1 (podman-4.3.1-errors.txt)
            "trying to reuse blob sha256:db3b at destination: checking whether a blob sha256:db3b exists in 127.0.0.1:5000/podman/p1: unauthorized: authentication required | LOGIN_FAILED",
            "writing blob: initiating layer upload to /v2/locked/api/blobs/uploads/ in 127.0.0.1:5001: denied: requested access to the resource is denied | PUSH_DENIED",
            "failed to find image 127.0.0.1:5000/podman/nope:1: 127.0.0.1:5000/podman/nope:1: image not known | IMAGE_NOT_FOUND",
            "pinging container registry 127.0.0.1:5000: Get \"https://127.0.0.1:5000/v2/\": http: server gave HTTP response to HTTPS client | REGISTRY_NOT_HTTPS",
            "login attempt to 127.0.0.1:5443 failed with status: pinging container registry 127.0.0.1:5443: Get \"https://127.0.0.1:5443/v2/\": x509: certificate signed by unknown authority | TLS_CERTIFICATE",
            // The network on the way (anchors.md A.2)
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": dial tcp: lookup gpu-harbor.act.buaa.edu.cn on 127.0.0.53:53: no such host | REGISTRY_NOT_FOUND",
            "dial tcp: lookup gpu-harbor.act.buaa.edu.cn: Temporary failure in name resolution | REGISTRY_NOT_FOUND",
            "dial tcp: lookup gpu-harbor.act.buaa.edu.cn on 10.0.0.1:53: server misbehaving | REGISTRY_NOT_FOUND",
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": net/http: TLS handshake timeout | REGISTRY_UNREACHABLE",
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": dial tcp 10.1.2.3:443: i/o timeout | REGISTRY_UNREACHABLE",
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers) | REGISTRY_UNREACHABLE",
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": x509: certificate has expired or is not yet valid | TLS_CERTIFICATE",
            "Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": tls: failed to verify certificate: x509: certificate signed by unknown authority | TLS_CERTIFICATE",
            "error parsing HTTP 413 response body: invalid character '<' looking for beginning of value: \"<html><head><title>413 Request Entity Too Large</title></head></html>\" | PROXY_BODY_TOO_LARGE",
            "received unexpected HTTP status: 503 Service Unavailable | REGISTRY_UNREACHABLE",
            // nginx in front of Harbor says it its own way (reproduced through a proxy, see FaultsCliIT)
            "received unexpected HTTP status: 503 Service Temporarily Unavailable | REGISTRY_UNREACHABLE",
            "received unexpected HTTP status: 502 Bad Gateway | GATEWAY_TIMEOUT_AFTER_UPLOAD",
            "received unexpected HTTP status: 504 Gateway Time-out | GATEWAY_TIMEOUT_AFTER_UPLOAD",
            // The engine itself
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running? | ENGINE_UNREACHABLE",
            "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/version\": dial unix /var/run/docker.sock: connect: permission denied | ENGINE_UNREACHABLE",
            "dial unix /run/user/1000/docker.sock: connect: no such file or directory | ENGINE_UNREACHABLE",
            "open //./pipe/docker_engine: The system cannot find the file specified. | ENGINE_UNREACHABLE",
            "No such image: local/nope:1 | IMAGE_NOT_FOUND",
            // Nothing this wizard knows
            "received unexpected HTTP status: 500 Internal Server Error | UNKNOWN",
            "something nobody has seen before | UNKNOWN"})
    void engineAndRegistryTextsAreNamed(String text, ProblemType expected) {
        assertEquals(expected, Problems.ofMessage(text, ProblemContext.none()).type(), text);
        assertEquals(expected, Problems.of(new PushFailedException(text)).type(), text);
    }

    @Test
    void harborsQuotaNumbersAreShown() {
        Problem quota = Problems.ofMessage("denied: adding 29.0 MiB of storage resource, which when updated to current "
                + "usage of 152.4 MiB will exceed the configured upper limit of 10.0 MiB.", ProblemContext.none());
        assertEquals("Storage quota is full", ENGLISH.text(quota.title()));
        assertEquals("存储配额已满", CHINESE.text(quota.title()));
        assertEquals("This push needs 29.0 MiB more; the project already uses 152.4 MiB of its 10.0 MiB limit.",
                ENGLISH.text(quota.causes().get(0)));
        assertEquals("本次推送还需要 29.0 MiB；项目已使用 152.4 MiB，上限为 10.0 MiB。", CHINESE.text(quota.causes().get(0)));

        Problem atStart = Problems.ofMessage("denied: subtracting 0 B of storage resource, which when updated to current "
                + "usage of 10.0 GiB will exceed the configured upper limit of 10.0 GiB.", ProblemContext.none());
        assertEquals("The project already uses 10.0 GiB of its 10.0 GiB limit.", ENGLISH.text(atStart.causes().get(0)));

        Problem vague = Problems.ofMessage("denied: project quota is full", ProblemContext.none());
        assertEquals(ProblemType.QUOTA_EXCEEDED.causeCount(), vague.causes().size(), "no numbers, no number fact");
    }

    @Test
    void harborsPermissionTextNamesTheRepository() {
        Problem problem = Problems.ofMessage("unauthorized: unauthorized to access repository: user-alice/repo, "
                + "action: push: unauthorized to access repository: user-alice/repo, action: push", ProblemContext.none());
        assertEquals(ProblemType.NO_PERMISSION, problem.type());
        assertEquals("No permission to push here", ENGLISH.text(problem.title()));
        assertEquals("没有推送权限", CHINESE.text(problem.title()));
        assertEquals("Harbor refused the action \"push\" on user-alice/repo.", ENGLISH.text(problem.causes().get(0)));
        assertTrue(english(problem.actions()).get(0).contains("user-<your username>"));
    }

    @Test
    void eachWayTheImageReadOutOfDockerFailsIsNamed() {
        // The archive package's kinds (ImageArchiveException.Kind), as the project's own pusher meets them.
        String mismatch = "layer 2 (3f1a/layer.tar) hashes to sha256:aaa, but the config says sha256:bbb";
        Problem wrong = Problems.of(new ImageArchiveException(Kind.DIGEST_MISMATCH, mismatch));
        assertEquals(ProblemType.IMAGE_EXPORT_MISMATCH, wrong.type());
        assertEquals("Exported image does not match its ID", ENGLISH.text(wrong.title()));
        assertEquals("Docker 导出的镜像与其 ID 不符", CHINESE.text(wrong.title()));
        assertEquals(mismatch, wrong.detail(), "which entry and which digests, for the details");

        assertEquals(ProblemType.IMAGE_EXPORT_UNREADABLE,
                Problems.of(new ImageArchiveException(Kind.TRUNCATED, "the archive ends inside a/layer.tar")).type());
        assertEquals(ProblemType.IMAGE_EXPORT_UNREADABLE,
                Problems.of(new ImageArchiveException(Kind.MALFORMED, "not a tar archive")).type());
        assertEquals(ProblemType.IMAGE_EXPORT_UNSUPPORTED,
                Problems.of(new ImageArchiveException(Kind.UNSUPPORTED, "manifest.json lists 2 images")).type());
    }

    @Test
    void eachEngineExceptionIsNamed() {
        Problem engine = Problems.of(new EngineUnreachableException("unix:///var/run/docker.sock",
                "java.io.IOException: No such file or directory", null));
        assertEquals(ProblemType.ENGINE_UNREACHABLE, engine.type());
        assertEquals("unix:///var/run/docker.sock", engine.context().endpoint());
        assertEquals("Looked for Docker at unix:///var/run/docker.sock.", ENGLISH.text(engine.causes().get(0)));
        assertEquals("无法连接 Docker", CHINESE.text(engine.title()));

        Problem login = Problems.of(new RegistryLoginException("gpu-harbor.act.buaa.edu.cn",
                "login attempt to https://gpu-harbor.act.buaa.edu.cn/v2/ failed with status: 401 Unauthorized", null));
        assertEquals(ProblemType.LOGIN_FAILED, login.type());
        assertEquals("Harbor 登录失败", CHINESE.text(login.title()));
        assertTrue(english(login.actions()).get(0).contains("获取初始凭据"));

        Problem loginRequired = Problems.of(new RegistryLoginException("h",
                "Get \"https://h/v2/\": unauthorized: authentication required", null));
        assertEquals(ProblemType.LOGIN_FAILED, loginRequired.type());

        Problem loginTls = Problems.of(new RegistryLoginException("h",
                "Get \"https://h/v2/\": x509: certificate signed by unknown authority", null));
        assertEquals(ProblemType.TLS_CERTIFICATE, loginTls.type());

        Problem image = Problems.of(new ImageNotFoundException("local/app:1", "No such image: local/app:1", null));
        assertEquals(ProblemType.IMAGE_NOT_FOUND, image.type());
        assertEquals("Docker has no local image local/app:1.", ENGLISH.text(image.causes().get(0)));

        Problem cancelled = Problems.of(new PushCancelledException());
        assertEquals(ProblemType.CANCELLED, cancelled.type());
        assertEquals(Severity.INFO, cancelled.severity());
        assertEquals("Push cancelled", ENGLISH.text(cancelled.title()));
        assertEquals("已取消推送", CHINESE.text(cancelled.title()));

        // issue 19: a pause is calm too, and says how to go on.
        Problem paused = Problems.of(new PushPausedException());
        assertEquals(ProblemType.PAUSED, paused.type());
        assertEquals(Severity.INFO, paused.severity());
        assertEquals("Push paused", ENGLISH.text(paused.title()));
        assertEquals("已暂停推送", CHINESE.text(paused.title()));

        Problem quota = Problems.of(new PushFailedException(
                "denied: adding 1.0 GiB of storage resource, which when updated to current usage of 40.0 GiB "
                        + "will exceed the configured upper limit of 40.0 GiB."));
        assertEquals(ProblemType.QUOTA_EXCEEDED, quota.type());
    }

    @Test
    void tlsToTheEngineThatCannotBeHadIsNamedAsSuchNotAsDockerNotRunning() {
        // Issue 13, item 1: the engine layer refuses instead of falling back to plain HTTP; the problem
        // says TLS, and that nothing went in clear.
        Problem tls = Problems.of(new EngineUnreachableException("tcp://10.0.0.5:2376", EngineUnreachableException.Reason.TLS,
                "TLS to the Docker engine at tcp://10.0.0.5:2376 (context remote) cannot be set up", null));

        assertEquals(ProblemType.ENGINE_TLS, tls.type());
        assertEquals("Looked for Docker at tcp://10.0.0.5:2376.", ENGLISH.text(tls.causes().get(0)));
        assertEquals("无法与 Docker 建立安全连接", CHINESE.text(tls.title()));
        assertTrue(ENGLISH.text(tls.actions().get(1)).contains("never falls back to plain HTTP"));
    }

    @Test
    void theExceptionTypeWinsOverItsTextAnywhereInTheChain() {
        Problem wrapped = Problems.of(new IllegalStateException("step failed",
                new EngineUnreachableException("tcp://10.0.0.5:2375", "Connection refused", new ConnectException("Connection refused"))));
        assertEquals(ProblemType.ENGINE_UNREACHABLE, wrapped.type(), "not the registry's connection refused");
        assertEquals("tcp://10.0.0.5:2375", wrapped.context().endpoint());
        assertEquals("step failed\ncaused by io.github.harborupload.docker.EngineUnreachableException: Connection refused",
                wrapped.detail());
    }

    @Test
    void anythingElseIsUnknownWithoutAStackTrace() {
        Problem problem = Problems.of(new NullPointerException());
        assertEquals(ProblemType.UNKNOWN, problem.type());
        assertEquals("Something went wrong", ENGLISH.text(problem.title()));
        assertEquals("出现了问题", CHINESE.text(problem.title()));
        assertEquals("java.lang.NullPointerException", problem.detail());
        assertTrue(english(problem.actions()).get(1).contains("platform administrator"));

        Problem deep = Problems.of(new EngineException("boom", new RuntimeException("deeper")));
        assertEquals(ProblemType.UNKNOWN, deep.type());
        assertFalse(deep.detail().contains("\tat "), deep.detail());
        assertEquals("boom\ncaused by java.lang.RuntimeException: deeper", deep.detail());
    }

    @Test
    void theCallersContextFillsTheAdvice() {
        ProblemContext context = ProblemContext.none().withRegistry("gpu-harbor.act.buaa.edu.cn");
        Problem tls = Problems.ofMessage("x509: certificate signed by unknown authority", context);
        assertEquals("Tried to reach gpu-harbor.act.buaa.edu.cn.", ENGLISH.text(tls.causes().get(0)));
        assertTrue(english(tls.actions()).get(0).contains("/etc/docker/certs.d/gpu-harbor.act.buaa.edu.cn/ca.crt "));

        Problem noHost = Problems.ofMessage("x509: certificate signed by unknown authority", ProblemContext.none());
        assertTrue(english(noHost.actions()).get(0).contains("/etc/docker/certs.d/<Harbor address>/ca.crt "));
        assertTrue(CHINESE.text(noHost.actions().get(0)).contains("/etc/docker/certs.d/<Harbor 地址>/ca.crt（"));

        Problem http = Problems.ofMessage("Get \"https://10.1.2.3:5000/v2/\": http: server gave HTTP response to HTTPS client",
                ProblemContext.none());
        assertEquals("10.1.2.3:5000", http.context().registry());
        assertTrue(english(http.actions()).get(1).contains("add 10.1.2.3:5000 to \"insecure-registries\""));
    }

    @Test
    void aDnsFailureNamesTheHostLookedUp() {
        Problem problem = Problems.ofMessage("Get \"https://gpu-harbor.act.buaa.edu.cn/v2/\": dial tcp: lookup "
                + "gpu-harbor.act.buaa.edu.cn on 127.0.0.53:53: no such host", ProblemContext.none());
        assertEquals("gpu-harbor.act.buaa.edu.cn", problem.context().registry());
        assertTrue(english(problem.causes()).stream().anyMatch(cause -> cause.contains("VPN")));
    }
}
