namespace Otp;

// Registry.lock/3: out-of-band locks, in a namespace of their own (a lock key never clashes with a registry key).
public sealed partial class Registry
{
    /// <summary>
    /// <c>Registry.lock/3</c>: runs <paramref name="function"/> while holding the lock of <paramref name="lockKey"/>.
    /// Only one function runs under a given key at a time; the others wait in arrival order. The function runs in the
    /// caller (not in another process). The lock is released when the function completes or throws, or when
    /// <paramref name="caller"/>'s process exits; a caller that exits or gives up (<paramref name="cancellationToken"/>)
    /// while waiting leaves the queue.
    /// </summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="caller">The process on whose behalf the lock is held.</param>
    /// <param name="lockKey">The lock's key.</param>
    /// <param name="function">What to run under the lock.</param>
    /// <param name="cancellationToken">Gives up waiting for the lock (not the function once it runs).</param>
    /// <returns>What the function returned.</returns>
    public Task<T> LockAsync<T>(ProcessContext caller, object lockKey, Func<Task<T>> function, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return LockAsync(caller.Self, lockKey, function, cancellationToken);
    }

    /// <summary><c>Registry.lock/3</c> held on behalf of <paramref name="owner"/> (see <see cref="LockAsync{T}(ProcessContext, object, Func{Task{T}}, CancellationToken)"/>).</summary>
    /// <typeparam name="T">What the function returns.</typeparam>
    /// <param name="owner">The process on whose behalf the lock is held: its exit releases the lock.</param>
    /// <param name="lockKey">The lock's key.</param>
    /// <param name="function">What to run under the lock.</param>
    /// <param name="cancellationToken">Gives up waiting for the lock.</param>
    /// <exception cref="NoProcessException"><paramref name="owner"/> is not alive.</exception>
    public async Task<T> LockAsync<T>(Pid owner, object lockKey, Func<Task<T>> function, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(lockKey);
        ArgumentNullException.ThrowIfNull(function);
        if (owner.Process is not { } process || !process.IsAlive)
        {
            throw new NoProcessException(owner);
        }

        var ticket = await _locks.AcquireAsync(owner, process, lockKey, cancellationToken).ConfigureAwait(false);
        try
        {
            return await function().ConfigureAwait(false);
        }
        finally
        {
            _locks.Release(ticket);
        }
    }

    /// <summary><c>Registry.lock/3</c> with a function that returns nothing.</summary>
    /// <param name="caller">The process on whose behalf the lock is held.</param>
    /// <param name="lockKey">The lock's key.</param>
    /// <param name="function">What to run under the lock.</param>
    /// <param name="cancellationToken">Gives up waiting for the lock.</param>
    public Task LockAsync(ProcessContext caller, object lockKey, Func<Task> function, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return LockAsync(caller.Self, lockKey, function, cancellationToken);
    }

    /// <summary><c>Registry.lock/3</c> with a function that returns nothing, held on behalf of <paramref name="owner"/>.</summary>
    /// <param name="owner">The process on whose behalf the lock is held.</param>
    /// <param name="lockKey">The lock's key.</param>
    /// <param name="function">What to run under the lock.</param>
    /// <param name="cancellationToken">Gives up waiting for the lock.</param>
    public Task LockAsync(Pid owner, object lockKey, Func<Task> function, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        return LockAsync<bool>(owner, lockKey, async () =>
        {
            await function().ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }
}
