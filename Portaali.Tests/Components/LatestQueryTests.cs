using Portaali.Web.Components.Shared;

namespace Portaali.Tests.Components;

public class LatestQueryTests
{
    [Fact]
    public async Task An_older_load_that_finishes_last_answers_with_the_newer_result()
    {
        var queries = new LatestQuery<string>();
        var allCustomers = new TaskCompletionSource<string>();
        var searched = new TaskCompletionSource<string>();

        var first = queries.RunAsync(() => allCustomers.Task);
        var second = queries.RunAsync(() => searched.Task);
        searched.SetResult("Tuusulan Leipomo Oy");
        Assert.Equal("Tuusulan Leipomo Oy", await second);

        allCustomers.SetResult("all 4,000 customers");
        Assert.Equal("Tuusulan Leipomo Oy", await first);
    }

    [Fact]
    public async Task A_cancelled_older_load_answers_with_the_newer_result_and_the_newest_error_still_surfaces()
    {
        var queries = new LatestQuery<int>();
        var cancelled = new TaskCompletionSource<int>();
        var newer = new TaskCompletionSource<int>();

        var first = queries.RunAsync(() => cancelled.Task);
        var second = queries.RunAsync(() => newer.Task);
        cancelled.SetCanceled();
        newer.SetResult(7);
        Assert.Equal(7, await first);
        Assert.Equal(7, await second);

        await Assert.ThrowsAsync<InvalidOperationException>(() => queries.RunAsync(() => Task.FromException<int>(new InvalidOperationException())));
    }
}
