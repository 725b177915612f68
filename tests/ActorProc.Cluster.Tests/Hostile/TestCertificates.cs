using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorProc.Cluster.Tests.Hostile;

/// <summary>Self-signed certificates made at test time (no private key is committed).</summary>
internal static class TestCertificates
{
    public const string Password = "test-only";

    /// <summary>A self-signed certificate for server and client authentication, as a PKCS#12 file in a temporary directory.</summary>
    public static string CreatePfx(string commonName)
    {
        using var certificate = Create(commonName);
        var directory = Path.Combine(Path.GetTempPath(), "actorproc-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, commonName + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>A self-signed certificate with its private key, for server and client authentication (ECDSA P-256: quick to make).</summary>
    public static X509Certificate2 Create(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client auth
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
