using ActorProc.Core.Configuration;

namespace ActorProc.Remote;

/// <summary>
/// TLS settings of the transport (<c>actorproc.remote.tls</c>). When enabled every connection is wrapped in TLS
/// 1.2/1.3 before the handshake: each node presents its certificate as server and as client (mutual TLS), and
/// checks the peer's certificate as configured. The HMAC handshake still runs inside TLS.
/// </summary>
/// <param name="Enabled">Whether connections use TLS (<c>enabled</c>).</param>
/// <param name="CertificatePath">PKCS#12 (.pfx) file with this node's certificate and private key (<c>certificate-path</c>).</param>
/// <param name="CertificatePassword">Password of the .pfx file; empty for none (<c>certificate-password</c>).</param>
/// <param name="Validation">How the peer certificate is checked: <c>chain</c> (trusted by the machine's store) or <c>thumbprint</c> (its SHA-256 thumbprint is listed) (<c>validation</c>).</param>
/// <param name="TrustedThumbprints">SHA-256 thumbprints (hex) accepted when <paramref name="Validation"/> is <c>thumbprint</c> (<c>trusted-thumbprints</c>).</param>
public sealed record TlsSettings(bool Enabled, string CertificatePath, string CertificatePassword, string Validation, IReadOnlyList<string> TrustedThumbprints)
{
    /// <summary>Renders the settings without the password, so they can be logged safely.</summary>
    public override string ToString() =>
        $"TlsSettings {{ Enabled = {Enabled}, CertificatePath = {CertificatePath}, CertificatePassword = {(CertificatePassword.Length == 0 ? "(none)" : "***")}, Validation = {Validation}, TrustedThumbprints = [{string.Join(", ", TrustedThumbprints)}] }}";

    internal static TlsSettings FromConfig(Config config, string root)
    {
        var settings = new TlsSettings(
            config.GetBoolean($"{root}.enabled"),
            config.GetString($"{root}.certificate-path"),
            config.GetString($"{root}.certificate-password"),
            config.GetString($"{root}.validation"),
            config.GetStringList($"{root}.trusted-thumbprints").Select(t => t.Replace(":", "").Trim().ToUpperInvariant()).ToArray());
        if (settings.Validation is not ("chain" or "thumbprint"))
            throw new ConfigurationException($"{root}.validation: '{settings.Validation}' is not a validation mode; expected chain or thumbprint");
        if (settings.Enabled && string.IsNullOrWhiteSpace(settings.CertificatePath))
            throw new ConfigurationException($"{root}.certificate-path: must name a .pfx file when {root}.enabled = on");
        if (settings.Enabled && settings.Validation == "thumbprint" && settings.TrustedThumbprints.Count == 0)
            throw new ConfigurationException($"{root}.trusted-thumbprints: must list at least one thumbprint when {root}.validation = thumbprint");
        return settings;
    }
}
