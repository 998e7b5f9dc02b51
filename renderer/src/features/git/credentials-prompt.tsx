import { useState } from 'react';
import { useGitStore } from './git-store.js';

/** Asks for a username and password or token when the remote wants them; they stay in the core (in memory in browser mode). */
export function CredentialsPrompt() {
  const operation = useGitStore((s) => s.credentialsFor);
  const url = useGitStore((s) => s.remotes[0]?.url);
  const submit = useGitStore((s) => s.submitCredentials);
  const cancel = useGitStore((s) => s.cancelCredentials);
  const [kind, setKind] = useState<'password' | 'token'>('password');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  if (!operation) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="git-credentials-title" onKeyDown={(e) => { if (e.key === 'Escape') cancel(); }}>
      <form className="dialog" data-testid="git-credentials" onSubmit={(e) => {
        e.preventDefault();
        void submit(kind === 'token' ? { token: secret, ...(username ? { username } : {}) } : { username, password: secret });
        setSecret('');
      }}>
        <h2 id="git-credentials-title">Sign in to {url ?? 'the remote'}</h2>
        <p className="muted">The remote needs credentials to {operation}. Paver keeps them in memory for this session only.</p>
        <div className="row">
          <label className="check"><input type="radio" checked={kind === 'password'} onChange={() => setKind('password')} /> Password</label>
          <label className="check"><input type="radio" checked={kind === 'token'} onChange={() => setKind('token')} /> Token</label>
        </div>
        <label>Username {kind === 'token' && <span className="muted">(optional)</span>}
          <input autoFocus value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" data-testid="git-username" />
        </label>
        <label>{kind === 'token' ? 'Token' : 'Password'}
          <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="current-password" data-testid="git-password" />
        </label>
        <div className="row dialog-actions">
          <button type="button" onClick={cancel}>Cancel</button>
          <button type="submit" className="primary" data-testid="git-credentials-submit" disabled={!secret || (kind === 'password' && !username)}>Sign in and {operation}</button>
        </div>
      </form>
    </div>
  );
}
