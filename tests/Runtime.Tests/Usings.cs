global using StartTuple = (string Tag, object Id, Otp.Pid Pid);
global using Tuple3 = (string Tag, object Id, object Reason);
