// Auth Studio browser client: a dependency-free ES module served at /auth/client.js.
//
//   import { createClient } from "https://auth.example.com/auth/client.js";
//   const client = createClient("https://auth.example.com");
//   const { user, session, errors } = await client.auth.signInWithEmail(email, password);
//
// Every method resolves (it never rejects) to { user, session, errors }: errors is null on success,
// otherwise the runtime's error list [{ origin, code, message, details }]. The client keeps the
// session token of the last sign-in (in localStorage when available) and sends it in the Session header.
//
// Second factors (ADR 0014): a sign-in of a user with an authenticator app resolves with errors[0].code
// "mfa_required" and errors[0].details.mfaToken; pass that to auth.mfa.verify(mfaToken, { code }) (or
// { recoveryCode }) to get { user, session }. With mfa.required on, a sign-in of a user without a factor
// resolves with mfaEnrollmentRequired: true and a session that can only enrol (auth.mfa.enrollTotp, confirmTotp).

const STORAGE_PREFIX = "auth-studio.session:";

/**
 * @param {string} baseUrl the runtime's public base URL, e.g. "https://auth.example.com"
 * @param {{ storage?: Storage | null, fetch?: typeof fetch }} [options]
 */
export function createClient(baseUrl, options = {}) {
  if (typeof baseUrl !== "string" || !/^https?:\/\//i.test(baseUrl)) {
    throw new TypeError("createClient(baseUrl): baseUrl must be an absolute http(s) URL.");
  }
  const base = baseUrl.replace(/\/+$/, "");
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const doFetch = options.fetch || ((...args) => globalThis.fetch(...args));
  const storageKey = STORAGE_PREFIX + base;
  let sessionToken = readStored();

  function readStored() {
    try {
      return (storage && storage.getItem(storageKey)) || null;
    } catch {
      return null;
    }
  }

  function keep(token) {
    sessionToken = token || null;
    try {
      if (!storage) return;
      if (sessionToken) storage.setItem(storageKey, sessionToken);
      else storage.removeItem(storageKey);
    } catch {
      // Storage can be full or blocked; the token stays in memory.
    }
  }

  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (sessionToken) headers["Session"] = sessionToken;
    let response;
    try {
      response = await doFetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        mode: "cors",
        credentials: "omit",
      });
    } catch (e) {
      return { ok: false, data: null, errors: [clientError("network_error", "The auth server could not be reached: " + (e && e.message ? e.message : e))] };
    }
    let data = null;
    const text = await response.text().catch(() => "");
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    }
    if (!response.ok) {
      const errors = data && Array.isArray(data.errors) && data.errors.length > 0
        ? data.errors
        : [{ origin: response.status >= 500 ? "server_error" : "client_error", code: "http_" + response.status, message: "The auth server answered " + response.status + "." }];
      if (errors.some((e) => e && e.code === "invalid_session_token")) keep(null);
      return { ok: false, data, errors };
    }
    return { ok: true, data, errors: null };
  }

  // {user, session} bodies: a new session token is kept for the calls that follow.
  function grant(result) {
    if (!result.ok) return { user: null, session: null, errors: result.errors };
    const user = (result.data && result.data.user) || null;
    const session = (result.data && result.data.session) || null;
    if (session && session.token) keep(session.token);
    const answer = { user, session, errors: null };
    if (result.data && result.data.mfaEnrollmentRequired === true) answer.mfaEnrollmentRequired = true;
    return answer;
  }

  // Non-grant bodies: the answer under its own key, next to the usual user/session/errors.
  function named(result, key, pick) {
    const answer = { user: null, session: null, errors: result.ok ? null : result.errors };
    answer[key] = result.ok ? pick(result.data) : null;
    return answer;
  }

  const mfa = {
    /** POST /auth/mfa/totp/enroll: enrollment = { factorId, secret, otpauthUrl, qrCodeSvg } (the secret is shown once). */
    async enrollTotp() {
      return named(await call("POST", "/auth/mfa/totp/enroll", {}), "enrollment", (d) => d);
    },

    /** Confirms the enrolment with a code from the app; recoveryCodes are shown once. */
    async confirmTotp(factorId, code) {
      const result = await call("POST", "/auth/mfa/totp/confirm", { factorId, code });
      // The session comes back re-issued: its JWT's amr now names the second factor.
      if (result.ok && result.data.session && result.data.session.token) keep(result.data.session.token);
      const answer = named(result, "recoveryCodes", (d) => d.recoveryCodes);
      answer.session = result.ok ? result.data.session : null;
      return answer;
    },

    /** The second step of a sign-in that answered mfa_required: { code } or { recoveryCode } opens the session. */
    async verify(mfaToken, proof = {}) {
      return grant(await call("POST", "/auth/mfa/verify", { mfaToken, code: proof.code, recoveryCode: proof.recoveryCode }));
    },

    /** The caller's confirmed factors, as `factors`: [{ id, type, createdAt, confirmedAt, lastUsedAt }]. */
    async listFactors() {
      return named(await call("GET", "/auth/mfa/factors"), "factors", (d) => d);
    },

    /** proof: { password } or { code } (a current authenticator code). */
    async removeFactor(id, proof = {}) {
      const result = await call("DELETE", "/auth/mfa/factors/" + encodeURIComponent(id), { password: proof.password, code: proof.code });
      return empty(result);
    },

    /** Replaces the recovery codes; proof: { password } or { code }. */
    async regenerateRecoveryCodes(proof = {}) {
      return named(await call("POST", "/auth/mfa/recovery-codes", { password: proof.password, code: proof.code }), "recoveryCodes", (d) => d.recoveryCodes);
    },
  };

  function empty(result) {
    return { user: null, session: null, errors: result.ok ? null : result.errors };
  }

  const auth = {
    /** POST /auth/signup-email. redirectURL is required while e-mail confirmation is on. */
    async signUpWithEmail(email, password, name, userData, redirectURL) {
      return grant(await call("POST", "/auth/signup-email", { email, password, name, userData, redirectURL }));
    },

    async signInWithEmail(email, password) {
      return grant(await call("POST", "/auth/signin-email", { email, password }));
    },

    async signUpWithPhone(phone, password, name, userData) {
      return grant(await call("POST", "/auth/signup-phone", { phone, password, name, userData }));
    },

    async signInWithPhone(phone, password) {
      return grant(await call("POST", "/auth/signin-phone", { phone, password }));
    },

    /** Navigates to the provider; the browser comes back to redirectUrl?access_token=…, see getAuthGrant. */
    signInWithProvider(provider, redirectUrl) {
      const url = base + "/oauth/" + encodeURIComponent(provider) + "?redirect=" + encodeURIComponent(redirectUrl);
      globalThis.location.assign(url);
    },

    /**
     * Trades an access token (from OAuth, a magic link or a confirmation link) for the user and a new
     * session. Without an argument it reads access_token from the page URL and removes it from the
     * address bar; when the URL carries an error instead (status, code, error), that error is returned.
     */
    async getAuthGrant(accessToken) {
      let token = accessToken;
      if (token === undefined || token === null) {
        const fromUrl = readTokenFromLocation();
        if (fromUrl.errors) return { user: null, session: null, errors: fromUrl.errors };
        token = fromUrl.token;
      }
      return grant(await call("POST", "/auth/grant", { accessToken: token || null }));
    },

    async sendMagicLinkEmail(email, redirectURL) {
      return empty(await call("POST", "/auth/send-magic", { email, redirectURL }));
    },

    async sendSignInCode(phone) {
      return empty(await call("POST", "/auth/send-code", { phone }));
    },

    async signInWithCode(phone, code) {
      return grant(await call("POST", "/auth/signin-code", { phone, code }));
    },

    async verifyPhone(phone, code) {
      return grant(await call("POST", "/auth/verify-phone", { phone, code }));
    },

    /** Sends the confirmation e-mail again. */
    async resendVerification(email, redirectURL) {
      return empty(await call("POST", "/auth/resend", { email, redirectURL }));
    },

    /** Ends the current session and forgets its token. */
    async signOut() {
      const result = await call("POST", "/auth/signout", {});
      if (result.ok) keep(null);
      return empty(result);
    },

    async getUser() {
      const result = await call("GET", "/auth/user");
      return { user: result.ok ? result.data : null, session: null, errors: result.errors };
    },

    /** The user's live sessions, as `sessions` (never their tokens). */
    async getSessions() {
      const result = await call("GET", "/auth/sessions");
      return { user: null, session: null, sessions: result.ok ? result.data : null, errors: result.errors };
    },

    /** The session token the client holds, or null. */
    getSessionToken() {
      return sessionToken;
    },

    /** Adopts a session token obtained elsewhere (null forgets it). */
    setSessionToken(token) {
      keep(token);
    },

    mfa,
  };
  Object.assign(auth, passkeyMethods(call, grant, empty));

  return { baseUrl: base, auth };
}

// Passkeys (WebAuthn): the runtime speaks base64url JSON, navigator.credentials speaks ArrayBuffers.
function passkeyMethods(call, grant, empty) {
  async function ceremony(optionsPath, optionsBody, run) {
    const options = await call("POST", optionsPath, optionsBody);
    if (!options.ok) return { credential: null, errors: options.errors };
    if (typeof navigator === "undefined" || !navigator.credentials || typeof PublicKeyCredential === "undefined") {
      return { credential: null, errors: [clientError("passkeys_unsupported", "This browser does not support passkeys.")] };
    }
    try {
      const credential = await run(options.data);
      if (!credential) return { credential: null, errors: [clientError("passkey_cancelled", "No passkey was chosen.")] };
      return { credential, errors: null };
    } catch (e) {
      // NotAllowedError: the user cancelled or the prompt timed out; the others are the browser's refusals.
      const code = e && e.name === "NotAllowedError" ? "passkey_cancelled" : "passkey_browser_error";
      return { credential: null, errors: [clientError(code, (e && e.message) || String(e))] };
    }
  }

  return {
    passkeys: {
      /** Registers a passkey for the signed-in user; resolves { passkey, errors }. */
      async register(name) {
        const made = await ceremony("/auth/passkeys/register/options", {}, (o) =>
          navigator.credentials.create({ publicKey: creationOptions(o) }));
        if (made.errors) return { user: null, session: null, passkey: null, errors: made.errors };
        const result = await call("POST", "/auth/passkeys/register", { credential: attestationJson(made.credential), name: name ?? null });
        return { user: null, session: null, passkey: result.ok ? result.data : null, errors: result.errors };
      },

      /** The signed-in user's passkeys, as `passkeys`. */
      async list() {
        const result = await call("GET", "/auth/passkeys");
        return { user: null, session: null, passkeys: result.ok ? result.data : null, errors: result.errors };
      },

      /** Removes a passkey; proof is { password } or { code } (a current authenticator code), like removeFactor. */
      async remove(id, proof = {}) {
        return empty(await call("DELETE", "/auth/passkeys/" + encodeURIComponent(id), { password: proof.password, code: proof.code }));
      },
    },

    /** Signs in with a passkey: with an e-mail, that account's passkeys; without, any discoverable one. */
    async signInWithPasskey({ email } = {}) {
      const got = await ceremony("/auth/signin-passkey/options", { email: email ?? null }, (o) =>
        navigator.credentials.get({ publicKey: requestOptions(o) }));
      if (got.errors) return { user: null, session: null, errors: got.errors };
      return grant(await call("POST", "/auth/signin-passkey", { credential: assertionJson(got.credential) }));
    },
  };
}

function creationOptions(o) {
  return {
    ...o,
    challenge: fromBase64Url(o.challenge),
    user: { ...o.user, id: fromBase64Url(o.user.id) },
    excludeCredentials: (o.excludeCredentials || []).map(descriptor),
  };
}

function requestOptions(o) {
  return { ...o, challenge: fromBase64Url(o.challenge), allowCredentials: (o.allowCredentials || []).map(descriptor) };
}

function descriptor(d) {
  return { ...d, id: fromBase64Url(d.id) };
}

function attestationJson(c) {
  return {
    id: c.id,
    rawId: toBase64Url(c.rawId),
    type: c.type,
    response: {
      clientDataJSON: toBase64Url(c.response.clientDataJSON),
      attestationObject: toBase64Url(c.response.attestationObject),
      transports: typeof c.response.getTransports === "function" ? c.response.getTransports() : [],
    },
    clientExtensionResults: typeof c.getClientExtensionResults === "function" ? c.getClientExtensionResults() : {},
  };
}

function assertionJson(c) {
  return {
    id: c.id,
    rawId: toBase64Url(c.rawId),
    type: c.type,
    response: {
      clientDataJSON: toBase64Url(c.response.clientDataJSON),
      authenticatorData: toBase64Url(c.response.authenticatorData),
      signature: toBase64Url(c.response.signature),
      userHandle: c.response.userHandle ? toBase64Url(c.response.userHandle) : null,
    },
    clientExtensionResults: typeof c.getClientExtensionResults === "function" ? c.getClientExtensionResults() : {},
  };
}

function toBase64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

function readTokenFromLocation() {
  if (typeof globalThis.location === "undefined") return { token: null, errors: null };
  const url = new URL(globalThis.location.href);
  const token = url.searchParams.get("access_token");
  if (token) {
    url.searchParams.delete("access_token");
    if (globalThis.history && typeof globalThis.history.replaceState === "function") {
      globalThis.history.replaceState(globalThis.history.state, "", url.pathname + url.search + url.hash);
    }
    return { token, errors: null };
  }
  const code = url.searchParams.get("code");
  const error = url.searchParams.get("error");
  if (code && error) {
    const status = Number(url.searchParams.get("status")) || 400;
    return { token: null, errors: [{ origin: status >= 500 ? "server_error" : "client_error", code, message: error, details: { status } }] };
  }
  return { token: null, errors: null };
}

function clientError(code, message) {
  return { origin: "client_error", code, message };
}

function defaultStorage() {
  try {
    return typeof globalThis.localStorage === "undefined" ? null : globalThis.localStorage;
  } catch {
    return null;
  }
}
