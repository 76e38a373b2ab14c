using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Auth.Core.KeyRing;

/// <summary>
/// Seals every element on its way into <paramref name="inner"/> with <c>DataProtection:Key</c> and opens it on
/// the way out. Elements stored before the key was configured are read as they are (the start-up migration
/// seals them).
/// </summary>
public sealed class WrappingXmlRepository(IXmlRepository inner, byte[] key) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. inner.GetAllElements().Select(e => KeyRingWrapping.IsWrapped(e) ? KeyRingWrapping.Unwrap(e, key) : e)];

    public void StoreElement(XElement element, string friendlyName) =>
        inner.StoreElement(KeyRingWrapping.Wrap(element, key), friendlyName);
}
